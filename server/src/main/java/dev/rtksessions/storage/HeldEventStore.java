package dev.rtksessions.storage;

import dev.rtksessions.model.EventType;
import dev.rtksessions.model.HeldEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Webhook events recorded but not placed yet (table {@code held_events}); see {@link HeldEvent}. */
public final class HeldEventStore {
  private static final String COLUMNS =
      "app_id, event_id, meeting_id, type, peer_id, session_id, at, joined_from, received_at, reported_at";

  private final Database db;

  public HeldEventStore(Database db) {
    this.db = db;
  }

  public void insert(Connection c, Collection<HeldEvent> held) throws SQLException {
    if (held.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO held_events (" + COLUMNS + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id, event_id) DO NOTHING")) {
      for (HeldEvent h : held) {
        ps.setString(1, h.appId());
        ps.setString(2, h.eventId());
        ps.setString(3, h.meetingId());
        ps.setString(4, h.type().wire());
        Jdbc.setNullableString(ps, 5, h.peerId());
        Jdbc.setNullableString(ps, 6, h.sessionId());
        ps.setLong(7, h.at());
        Jdbc.setNullableLong(ps, 8, h.joinedFrom());
        ps.setLong(9, h.receivedAt());
        Jdbc.setNullableLong(ps, 10, h.reportedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The events waiting in these meetings of the app. */
  public List<HeldEvent> forMeetings(Connection c, String appId, Collection<String> meetingIds) throws SQLException {
    if (meetingIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM held_events WHERE app_id = ?"
        + " AND meeting_id IN (" + Jdbc.placeholders(meetingIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, meetingIds);
      return mapAll(ps);
    }
  }

  public void delete(Connection c, String appId, Collection<String> eventIds) throws SQLException {
    if (eventIds.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM held_events WHERE app_id = ?"
        + " AND event_id IN (" + Jdbc.placeholders(eventIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, eventIds);
      ps.executeUpdate();
    }
  }

  /** How many events wait, and how many of them were received before {@code overdueBefore}. */
  public HeldEvent.Tally tally(long overdueBefore) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*),"
          + " COALESCE(SUM(CASE WHEN received_at < ? THEN 1 ELSE 0 END), 0) FROM held_events")) {
        ps.setLong(1, overdueBefore);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return new HeldEvent.Tally(rs.getLong(1), rs.getLong(2));
        }
      }
    });
  }

  /** The oldest waiting events first, of one app or (with null) of all. */
  public List<HeldEvent> oldest(String appId, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM held_events"
          + (appId == null ? "" : " WHERE app_id = ?") + " ORDER BY received_at, app_id, event_id LIMIT ?")) {
        int i = 1;
        if (appId != null) {
          ps.setString(i++, appId);
        }
        ps.setInt(i, limit);
        return mapAll(ps);
      }
    });
  }

  /**
   * Marks the events received before {@code overdueBefore} and not reported yet as reported
   * now, and returns them: each is reported once, by the process whose update changed its row.
   */
  public List<HeldEvent> claimOverdue(long overdueBefore, long now, int limit) {
    return db.write(c -> {
      List<HeldEvent> due;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM held_events"
          + " WHERE received_at < ? AND reported_at IS NULL ORDER BY received_at LIMIT ?")) {
        ps.setLong(1, overdueBefore);
        ps.setInt(2, limit);
        due = mapAll(ps);
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE held_events SET reported_at = ?"
          + " WHERE app_id = ? AND event_id = ? AND reported_at IS NULL")) {
        List<HeldEvent> claimed = new ArrayList<>();
        for (HeldEvent h : due) {
          ps.setLong(1, now);
          ps.setString(2, h.appId());
          ps.setString(3, h.eventId());
          if (ps.executeUpdate() == 1) {
            claimed.add(h);
          }
        }
        return claimed;
      }
    });
  }

  private static List<HeldEvent> mapAll(PreparedStatement ps) throws SQLException {
    List<HeldEvent> held = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        held.add(new HeldEvent(rs.getString("app_id"), rs.getString("event_id"), rs.getString("meeting_id"),
            EventType.fromWire(rs.getString("type")), rs.getString("peer_id"), rs.getString("session_id"),
            rs.getLong("at"), Jdbc.nullableLong(rs, "joined_from"), rs.getLong("received_at"),
            Jdbc.nullableLong(rs, "reported_at")));
      }
    }
    return held;
  }
}
