package dev.rtksessions.storage;

import dev.rtksessions.model.Participant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

/** Participant rows (one per peer and session), written by the session engine. */
public final class ParticipantStore {
  private static final String COLUMNS = "app_id, session_id, peer_id, meeting_id, user_id, custom_participant_id,"
      + " display_name, preset_name, joined_at, left_at, duration_ms, present_since";

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
