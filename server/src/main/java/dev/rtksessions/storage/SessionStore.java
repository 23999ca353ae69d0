package dev.rtksessions.storage;

import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sessions by id, by meeting and by parent, and the writes of the session engine. The paged,
 * filtered list is {@link SessionList}.
 */
public final class SessionStore {
  static final String COLUMNS = "app_id, id, meeting_id, parent_session_id, type, live_count, peak_count,"
      + " closed_ms, live_join_sum, created_at, started_at, updated_at, ended_at, live_until, meta";

  private final Database db;

  public SessionStore(Database db) {
    this.db = db;
  }

  // ---- reads -------------------------------------------------------------------------------

  /**
   * When the first of the app's LIVE top-level sessions (at {@code now}) ends, if no event
   * comes: until then, no session changes status by the clock alone. {@link Long#MAX_VALUE}
   * when none is LIVE.
   */
  public long nextLiveEnd(Connection c, String appId, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MIN(live_until) FROM sessions" + ListSql.TOP_LEVEL
        + " AND live_until >= ?")) {
      ps.setString(1, appId);
      ps.setLong(2, now);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        long end = rs.getLong(1);
        return rs.wasNull() ? Long.MAX_VALUE : end;
      }
    }
  }

  public Optional<Session> find(String appId, String sessionId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM sessions WHERE app_id = ? AND id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, sessionId);
        List<Session> found = mapAll(ps);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  /** The meeting's session that is LIVE at {@code now}, if any. */
  public Optional<Session> activeFor(String appId, String meetingId, long now) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions"
          + " WHERE app_id = ? AND meeting_id = ? AND live_until >= ? ORDER BY created_at DESC, id DESC LIMIT 1")) {
        ps.setString(1, appId);
        ps.setString(2, meetingId);
        ps.setLong(3, now);
        List<Session> found = mapAll(ps);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    });
  }

  /** The direct breakout-room sessions of the given sessions, in start order. */
  public List<Session> childrenOf(String appId, Collection<String> parentIds) {
    return db.read(c -> childrenOf(c, appId, parentIds));
  }

  public List<Session> childrenOf(Connection c, String appId, Collection<String> parentIds) throws SQLException {
    if (parentIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions WHERE app_id = ?"
        + " AND parent_session_id IN (" + Jdbc.placeholders(parentIds.size()) + ") ORDER BY created_at, id")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, parentIds);
      return mapAll(ps);
    }
  }

  // ---- engine writes (inside the engine's transaction) -----------------------------------

  /** Sessions by id, inside a transaction. */
  public List<Session> byIds(Connection c, String appId, Collection<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions WHERE app_id = ?"
        + " AND id IN (" + Jdbc.placeholders(ids.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, ids);
      return mapAll(ps);
    }
  }

  /** The meeting's latest session that started at or before {@code at}. */
  public Optional<Session> latestStartedAtOrBefore(Connection c, String appId, String meetingId, long at)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions"
        + " WHERE app_id = ? AND meeting_id = ? AND created_at <= ? ORDER BY created_at DESC, id DESC LIMIT 1")) {
      ps.setString(1, appId);
      ps.setString(2, meetingId);
      ps.setLong(3, at);
      List<Session> found = mapAll(ps);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }
  }

  /** The meeting's sessions that started at or after {@code from}. */
  public List<Session> startedFrom(Connection c, String appId, Collection<String> meetingIds, long from)
      throws SQLException {
    if (meetingIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sessions WHERE app_id = ?"
        + " AND meeting_id IN (" + Jdbc.placeholders(meetingIds.size()) + ") AND created_at >= ?")) {
      ps.setString(1, appId);
      int i = Jdbc.bindAll(ps, 2, meetingIds);
      ps.setLong(i, from);
      return mapAll(ps);
    }
  }

  /**
   * Sets {@code live_until} of every session with peers present to its last event plus
   * {@code staleAfter}; returns the apps whose sessions changed.
   */
  public Set<String> restampPresent(Connection c, long staleAfter) throws SQLException {
    Set<String> apps = new TreeSet<>();
    String changed = " WHERE live_count > 0 AND live_until <> updated_at + ?";
    try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT app_id FROM sessions" + changed)) {
      ps.setLong(1, staleAfter);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          apps.add(rs.getString(1));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET live_until = updated_at + ?" + changed)) {
      ps.setLong(1, staleAfter);
      ps.setLong(2, staleAfter);
      ps.executeUpdate();
    }
    return apps;
  }

  public void delete(Connection c, String appId, Collection<String> sessionIds) throws SQLException {
    if (sessionIds.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM sessions WHERE app_id = ? AND id IN ("
        + Jdbc.placeholders(sessionIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, sessionIds);
      ps.executeUpdate();
    }
  }

  public void insert(Connection c, Collection<Session> sessions) throws SQLException {
    if (sessions.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sessions (" + COLUMNS + ")"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Session s : sessions) {
        ps.setString(1, s.appId());
        ps.setString(2, s.id());
        ps.setString(3, s.meetingId());
        Jdbc.setNullableString(ps, 4, s.parentSessionId());
        ps.setString(5, s.type().wire());
        ps.setInt(6, s.liveCount());
        ps.setInt(7, s.peakCount());
        ps.setLong(8, s.closedMillis());
        ps.setLong(9, s.liveJoinSum());
        ps.setLong(10, s.createdAt());
        ps.setLong(11, s.startedAt());
        ps.setLong(12, s.updatedAt());
        Jdbc.setNullableLong(ps, 13, s.endedAt());
        ps.setLong(14, s.liveUntil());
        Jdbc.setNullableString(ps, 15, s.meta());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Rewrites the figures of sessions that already exist (same app and id). */
  public void update(Connection c, Collection<Session> sessions) throws SQLException {
    if (sessions.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET meeting_id = ?, parent_session_id = ?,"
        + " type = ?, live_count = ?, peak_count = ?, closed_ms = ?, live_join_sum = ?, created_at = ?,"
        + " started_at = ?, updated_at = ?, ended_at = ?, live_until = ?, meta = ? WHERE app_id = ? AND id = ?")) {
      for (Session s : sessions) {
        ps.setString(1, s.meetingId());
        Jdbc.setNullableString(ps, 2, s.parentSessionId());
        ps.setString(3, s.type().wire());
        ps.setInt(4, s.liveCount());
        ps.setInt(5, s.peakCount());
        ps.setLong(6, s.closedMillis());
        ps.setLong(7, s.liveJoinSum());
        ps.setLong(8, s.createdAt());
        ps.setLong(9, s.startedAt());
        ps.setLong(10, s.updatedAt());
        Jdbc.setNullableLong(ps, 11, s.endedAt());
        ps.setLong(12, s.liveUntil());
        Jdbc.setNullableString(ps, 13, s.meta());
        ps.setString(14, s.appId());
        ps.setString(15, s.id());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public void setParent(Connection c, String appId, String sessionId, String parentSessionId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE sessions SET parent_session_id = ? WHERE app_id = ? AND id = ?")) {
      Jdbc.setNullableString(ps, 1, parentSessionId);
      ps.setString(2, appId);
      ps.setString(3, sessionId);
      ps.executeUpdate();
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** A WHERE clause and the values it binds. */
  private static List<Session> mapAll(PreparedStatement ps) throws SQLException {
    return rows(ps, SessionStore::map);
  }

  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static <T> List<T> rows(PreparedStatement ps, RowMapper<T> mapper) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(mapper.map(rs));
      }
    }
    return rows;
  }

  static Session map(ResultSet rs) throws SQLException {
    return new Session(rs.getString("app_id"), rs.getString("id"), rs.getString("meeting_id"),
        rs.getString("parent_session_id"), SessionType.fromWire(rs.getString("type")), rs.getInt("live_count"),
        rs.getInt("peak_count"), rs.getLong("closed_ms"), rs.getLong("live_join_sum"), rs.getLong("created_at"),
        rs.getLong("started_at"), rs.getLong("updated_at"), Jdbc.nullableLong(rs, "ended_at"),
        rs.getLong("live_until"), rs.getString("meta"));
  }
}
