package dev.rtksessions.storage;

import dev.rtksessions.model.Participant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Participant rows (one per peer and session), written by the session engine. */
public final class ParticipantStore {
  private final Database db;

  public ParticipantStore(Database db) {
    this.db = db;
  }

  private static final String COLUMNS = "app_id, session_id, peer_id, meeting_id, user_id, custom_participant_id,"
      + " display_name, preset_name, joined_at, left_at, duration_ms, present_since";

  /** The participant rows of the given sessions. */
  public List<Participant> forSessions(Connection c, String appId, Collection<String> sessionIds)
      throws SQLException {
    List<Participant> rows = new ArrayList<>();
    if (sessionIds.isEmpty()) {
      return rows;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM participants WHERE app_id = ?"
        + " AND session_id IN (" + Jdbc.placeholders(sessionIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, sessionIds);
      rows.addAll(mapAll(ps));
    }
    return rows;
  }

  /** The participant rows of sessions, outside any write (reads for the API). */
  public List<Participant> readForSessions(String appId, Collection<String> sessionIds) {
    return db.read(c -> forSessions(c, appId, sessionIds));
  }

  /** One peer's row in one session. */
  public Optional<Participant> find(String appId, String sessionId, String peerId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM participants"
          + " WHERE app_id = ? AND session_id = ? AND peer_id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, sessionId);
        ps.setString(3, peerId);
        List<Participant> rows = mapAll(ps);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
      }
    });
  }

  /** The most recent presence of a peer in any session of the app. */
  public Optional<Participant> latestForPeer(String appId, String peerId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM participants"
          + " WHERE app_id = ? AND peer_id = ? ORDER BY joined_at DESC, session_id DESC LIMIT 1")) {
        ps.setString(1, appId);
        ps.setString(2, peerId);
        List<Participant> rows = mapAll(ps);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
      }
    });
  }

  private static List<Participant> mapAll(PreparedStatement ps) throws SQLException {
    List<Participant> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(new Participant(rs.getString("app_id"), rs.getString("session_id"), rs.getString("peer_id"),
            rs.getString("meeting_id"), rs.getString("user_id"), rs.getString("custom_participant_id"),
            rs.getString("display_name"), rs.getString("preset_name"), rs.getLong("joined_at"),
            Jdbc.nullableLong(rs, "left_at"), rs.getLong("duration_ms"), Jdbc.nullableLong(rs, "present_since")));
      }
    }
    return rows;
  }

  public void delete(Connection c, Collection<Participant> participants) throws SQLException {
    if (participants.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM participants WHERE app_id = ? AND session_id = ? AND peer_id = ?")) {
      for (Participant p : participants) {
        ps.setString(1, p.appId());
        ps.setString(2, p.sessionId());
        ps.setString(3, p.peerId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Rewrites rows that already exist (same app, session and peer). */
  public void update(Connection c, Collection<Participant> participants) throws SQLException {
    if (participants.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE participants SET meeting_id = ?, user_id = ?,"
        + " custom_participant_id = ?, display_name = ?, preset_name = ?, joined_at = ?, left_at = ?,"
        + " duration_ms = ?, present_since = ? WHERE app_id = ? AND session_id = ? AND peer_id = ?")) {
      for (Participant p : participants) {
        ps.setString(1, p.meetingId());
        Jdbc.setNullableString(ps, 2, p.userId());
        Jdbc.setNullableString(ps, 3, p.customParticipantId());
        Jdbc.setNullableString(ps, 4, p.displayName());
        Jdbc.setNullableString(ps, 5, p.presetName());
        ps.setLong(6, p.joinedAt());
        Jdbc.setNullableLong(ps, 7, p.leftAt());
        ps.setLong(8, p.closedMillis());
        Jdbc.setNullableLong(ps, 9, p.presentSince());
        ps.setString(10, p.appId());
        ps.setString(11, p.sessionId());
        ps.setString(12, p.peerId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public void deleteForSessions(Connection c, String appId, Collection<String> sessionIds) throws SQLException {
    if (sessionIds.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM participants WHERE app_id = ? AND session_id IN ("
        + Jdbc.placeholders(sessionIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, sessionIds);
      ps.executeUpdate();
    }
  }

  public void insert(Connection c, Collection<Participant> participants) throws SQLException {
    if (participants.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO participants (" + COLUMNS + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Participant p : participants) {
        ps.setString(1, p.appId());
        ps.setString(2, p.sessionId());
        ps.setString(3, p.peerId());
        ps.setString(4, p.meetingId());
        Jdbc.setNullableString(ps, 5, p.userId());
        Jdbc.setNullableString(ps, 6, p.customParticipantId());
        Jdbc.setNullableString(ps, 7, p.displayName());
        Jdbc.setNullableString(ps, 8, p.presetName());
        ps.setLong(9, p.joinedAt());
        Jdbc.setNullableLong(ps, 10, p.leftAt());
        ps.setLong(11, p.closedMillis());
        Jdbc.setNullableLong(ps, 12, p.presentSince());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
