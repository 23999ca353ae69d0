package dev.rtksessions.storage;

import dev.rtksessions.model.EventType;
import dev.rtksessions.model.HeldEvent;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.SessionType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The log of accepted participant events, from which sessions are derived. */
public final class EventStore {
  private static final String COLUMNS = "id, type, meeting_id, at, peer_id, session_id, user_id,"
      + " custom_participant_id, display_name, preset_name, session_type, meta";

  /** Of the given event ids, those already recorded for the app. */
  public Set<String> existingIds(Connection c, String appId, Collection<String> ids) throws SQLException {
    Set<String> existing = new HashSet<>();
    if (ids.isEmpty()) {
      return existing;
    }
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT id FROM events WHERE app_id = ? AND id IN (" + Jdbc.placeholders(ids.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          existing.add(rs.getString(1));
        }
      }
    }
    return existing;
  }

  /**
   * For each (meeting, peer) among {@code peerIds} that has a recorded join: the time of
   * its earliest join. Keyed by {@link #peerKey}.
   */
  public Map<String, Long> firstJoins(Connection c, String appId, Collection<String> peerIds) throws SQLException {
    Map<String, Long> joins = new HashMap<>();
    if (peerIds.isEmpty()) {
      return joins;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT meeting_id, peer_id, MIN(at) FROM events"
        + " WHERE app_id = ? AND type = ? AND peer_id IN (" + Jdbc.placeholders(peerIds.size()) + ")"
        + " GROUP BY meeting_id, peer_id")) {
      ps.setString(1, appId);
      ps.setString(2, EventType.JOINED.wire());
      Jdbc.bindAll(ps, 3, peerIds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          joins.put(peerKey(rs.getString(1), rs.getString(2)), rs.getLong(3));
        }
      }
    }
    return joins;
  }

  /** True when a recorded join is what {@code held} waits for (see {@link HeldEvent#placedBy}). */
  public boolean hasJoinPlacing(Connection c, HeldEvent held) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT 1 FROM events WHERE app_id = ? AND meeting_id = ? AND type = ?");
    List<Object> values = new ArrayList<>(List.of(held.appId(), held.meetingId(), EventType.JOINED.wire()));
    if (held.type() == EventType.LEFT) {
      sql.append(" AND peer_id = ? AND at <= ?");
      values.add(held.peerId());
      values.add(held.at());
      if (held.joinedFrom() != null) {
        sql.append(" AND at >= ?");
        values.add(held.joinedFrom());
      }
    } else if (held.sessionId() != null) {
      sql.append(" AND session_id = ?");
      values.add(held.sessionId());
    } else {
      sql.append(" AND at <= ?");
      values.add(held.at());
    }
    try (PreparedStatement ps = c.prepareStatement(sql.append(" LIMIT 1").toString())) {
      for (int i = 0; i < values.size(); i++) {
        ps.setObject(i + 1, values.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  public static String peerKey(String meetingId, String peerId) {
    return meetingId + '\u0000' + peerId;
  }

  public void insert(Connection c, String appId, Collection<ParticipantEvent> events, long receivedAt)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (app_id, " + COLUMNS + ", received_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (ParticipantEvent e : events) {
        ps.setString(1, appId);
        ps.setString(2, e.id());
        ps.setString(3, e.type().wire());
        ps.setString(4, e.meetingId());
        ps.setLong(5, e.at());
        Jdbc.setNullableString(ps, 6, e.peerId());
        Jdbc.setNullableString(ps, 7, e.sessionId());
        Jdbc.setNullableString(ps, 8, e.userId());
        Jdbc.setNullableString(ps, 9, e.customParticipantId());
        Jdbc.setNullableString(ps, 10, e.displayName());
        Jdbc.setNullableString(ps, 11, e.presetName());
        Jdbc.setNullableString(ps, 12, e.sessionType() == null ? null : e.sessionType().wire());
        Jdbc.setNullableString(ps, 13, e.meta());
        ps.setLong(14, receivedAt);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The meeting's events at or after {@code fromAt}, in no particular order. */
  public List<ParticipantEvent> forMeetingFrom(Connection c, String appId, String meetingId, long fromAt)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events"
        + " WHERE app_id = ? AND meeting_id = ? AND at >= ?")) {
      ps.setString(1, appId);
      ps.setString(2, meetingId);
      ps.setLong(3, fromAt);
      return mapAll(ps);
    }
  }

  /**
   * One peer's joins and leaves in a meeting, plus the meeting's explicit ends, within
   * {@code [from, to]}: what a peer's event history in one session is made of.
   */
  public List<ParticipantEvent> forPeerBetween(Connection c, String appId, String meetingId, String peerId,
      long from, long to) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events"
        + " WHERE app_id = ? AND meeting_id = ? AND at >= ? AND at <= ? AND (peer_id = ? OR type = ?)")) {
      ps.setString(1, appId);
      ps.setString(2, meetingId);
      ps.setLong(3, from);
      ps.setLong(4, to);
      ps.setString(5, peerId);
      ps.setString(6, EventType.SESSION_ENDED.wire());
      return mapAll(ps);
    }
  }

  private static List<ParticipantEvent> mapAll(PreparedStatement ps) throws SQLException {
    List<ParticipantEvent> events = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        String sessionType = rs.getString("session_type");
        events.add(new ParticipantEvent(rs.getString("id"), EventType.fromWire(rs.getString("type")),
            rs.getString("meeting_id"), rs.getLong("at"), rs.getString("peer_id"), rs.getString("session_id"),
            rs.getString("user_id"), rs.getString("custom_participant_id"), rs.getString("display_name"),
            rs.getString("preset_name"), sessionType == null ? null : SessionType.fromWire(sessionType),
            rs.getString("meta"), null, null));
      }
    }
    return events;
  }
}
