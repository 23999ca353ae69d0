package dev.rtksessions.storage;

import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.model.SessionStatus;
import dev.rtksessions.model.SessionType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sessions: the paged, filtered list (every filter and order has an index, see
 * docs/design.md) and the writes of the session engine.
 */
public final class SessionStore {
  private static final String COLUMNS = "app_id, id, meeting_id, parent_session_id, type, live_count, peak_count,"
      + " closed_ms, live_join_sum, created_at, started_at, updated_at, ended_at, live_until, meta";
  private static final String TOP_LEVEL = " WHERE app_id = ? AND parent_session_id IS NULL";
  /** From this offset on, a page by creation time is read from its key rather than with OFFSET. */
  static final long DEEP_OFFSET = 1000;
  /** A search names up to this many matching meetings in the query; beyond, it uses a subquery. */
  private static final int MAX_NAMED_MEETINGS = 1000;

  private final Database db;
  private final SessionCounts counts;

  public SessionStore(Database db, SessionCounts counts) {
    this.db = db;
    this.counts = counts;
  }

  // ---- reads -------------------------------------------------------------------------------

  /** A listed session, with what the page shows of its meeting. */
  public record Listed(Session session, String meetingTitle, boolean meetingHostsBreakouts) {}

  /** A page of top-level sessions and the exact number the filter covers. */
  public record Page(List<Listed> sessions, long totalCount) {}

  /**
   * The meeting's title and whether it hosts breakout meetings, read with the page's rows by
   * the outermost SELECT instead of by another statement: for the returned rows only where
   * they come in index order (SQLite computes them before a sort, for the rows it sorts).
   */
  private static String listed(String alias) {
    return ", (SELECT m.title FROM meetings m WHERE m.app_id = " + alias + ".app_id AND m.id = " + alias
        + ".meeting_id) AS meeting_title, EXISTS (SELECT 1 FROM meetings b WHERE b.app_id = " + alias + ".app_id"
        + " AND b.parent_meeting_id = " + alias + ".meeting_id) AS hosts_breakouts";
  }

  /** One page of top-level sessions and their total; minutes are ordered by their value at {@code now}. */
  public Page page(Connection c, SessionFilter filter, SessionOrder order, int limit, long offset, long now)
      throws SQLException {
    if (filter.onlyStatus() && filter.status() == null && order.key() == SessionOrder.Key.CREATED_AT
        && offset < DEEP_OFFSET) {
      return unfilteredPage(c, filter.appId(), order, limit, offset);
    }
    Query query = query(c, filter, now);
    List<Listed> sessions = order.key() == SessionOrder.Key.CREATED_AT
        ? listByCreated(c, filter, query, order, limit, offset)
        : listByMinutes(c, query.anyPart(), order, limit, offset, now);
    return new Page(sessions, count(c, filter, query, now));
  }

  /**
   * The unfiltered list's first pages, the most frequent request: one statement, which also
   * reads the app's counter (once: the subquery does not depend on the row). The limit and
   * offset are written into the SQL (numbers the caller validated, at most 200 and under 1,000): with
   * them bound, PostgreSQL could not cost a generic plan and planned every execution anew,
   * which cost as much as running it.
   */
  private Page unfilteredPage(Connection c, String appId, SessionOrder order, int limit, long offset)
      throws SQLException {
    String dir = order.direction();
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + listed("sessions")
        + ", (" + SessionCounts.OF_APP_SQL + ") AS app_sessions FROM sessions" + TOP_LEVEL
        + " ORDER BY created_at " + dir + ", id " + dir + " LIMIT " + limit + " OFFSET " + offset)) {
      ps.setString(1, appId);
      ps.setString(2, appId);
      List<Listed> sessions = new ArrayList<>();
      long total = -1;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sessions.add(mapListed(rs));
          total = rs.getLong("app_sessions");
        }
      }
      return new Page(sessions, total >= 0 ? total : counts.ofApp(c, appId));
    }
  }

  private List<Listed> listByCreated(Connection c, SessionFilter filter, Query query, SessionOrder order, int limit,
      long offset) throws SQLException {
    String dir = order.direction();
    String orderBy = " ORDER BY created_at " + dir + ", id " + dir;
    if (query.parts().size() > 1) {
      return listMerged(c, query, orderBy, limit, offset);
    }
    Where where = query.parts().get(0);
    if (offset >= DEEP_OFFSET && filter.onlyStatus() && filter.status() == null) {
      // The day counters say which day holds the offset; only that day's keys are skipped.
      Optional<SessionCounts.DayOffset> day = counts.dayAt(c, filter.appId(), offset, order.ascending());
      if (day.isEmpty()) {
        return List.of();
      }
      long bound = (day.get().day() + (order.ascending() ? 0 : 1)) * SessionCounts.DAY_MS;
      Where inDay = where.and(order.ascending() ? " AND created_at >= ?" : " AND created_at < ?", bound);
      return listFromKey(c, inDay, where, order, orderBy, limit, day.get().offsetInDay());
    }
    if (offset >= DEEP_OFFSET) {
      return listFromKey(c, where, where, order, orderBy, limit, offset);
    }
    try (PreparedStatement ps = prepare(c, "SELECT " + COLUMNS + listed("sessions") + " FROM sessions" + where.sql
        + orderBy + " LIMIT ? OFFSET ?", where.filters())) {
      int i = where.bind(ps, 1);
      ps.setInt(i++, limit);
      ps.setLong(i, offset);
      return mapListed(ps);
    }
  }

  /**
   * A page of a search: each of its parts gives its first {@code offset + limit} sessions off
   * its own index, and the page is cut from their union (a session in both parts once). One
   * query with an OR of the parts would read every match from the table to sort them.
   */
  private List<Listed> listMerged(Connection c, Query query, String orderBy, int limit, long offset)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + listed("merged") + " FROM (");
    for (int p = 0; p < query.parts().size(); p++) {
      sql.append(p == 0 ? "" : " UNION ").append("SELECT ").append(COLUMNS).append(" FROM (SELECT ")
          .append(COLUMNS).append(" FROM sessions").append(query.parts().get(p).sql).append(orderBy)
          .append(" LIMIT ?) part").append(p);
    }
    sql.append(") merged").append(orderBy).append(" LIMIT ? OFFSET ?");
    try (PreparedStatement ps = prepare(c, sql.toString(), true)) {
      int i = 1;
      for (Where part : query.parts()) {
        i = part.bind(ps, i);
        ps.setLong(i++, offset + limit);
      }
      ps.setInt(i++, limit);
      ps.setLong(i, offset);
      return mapListed(ps);
    }
  }

  /**
   * A deep page in two steps: skip the offset reading only the (created_at, id) key, which the
   * index holds, then read the page's rows from that key on. Reading whole rows for the skipped
   * ones is what makes OFFSET slow. The key is looked for under {@code keyWhere}, which may
   * bound it to a day; the page continues past that bound under {@code where}.
   */
  private List<Listed> listFromKey(Connection c, Where keyWhere, Where where, SessionOrder order, String orderBy,
      int limit, long offset) throws SQLException {
    long keyCreated;
    String keyId;
    try (PreparedStatement ps = prepare(c, "SELECT created_at, id FROM sessions" + keyWhere.sql + orderBy
        + " LIMIT 1 OFFSET ?", true)) {
      ps.setLong(keyWhere.bind(ps, 1), offset);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return List.of();
        }
        keyCreated = rs.getLong(1);
        keyId = rs.getString(2);
      }
    }
    // A row-value comparison is a range of the (created_at, id) index; the equivalent OR is
    // not, and read the list from its start (seen: 165 ms at offset 1,000,000).
    Where from = where.and(order.ascending() ? " AND (created_at, id) >= (?, ?)" : " AND (created_at, id) <= (?, ?)",
        keyCreated, keyId);
    try (PreparedStatement ps = prepare(c, "SELECT " + COLUMNS + listed("sessions") + " FROM sessions" + from.sql
        + orderBy + " LIMIT ?", true)) {
      ps.setInt(from.bind(ps, 1), limit);
      return mapListed(ps);
    }
  }

  /**
   * Sessions without peers present have fixed minutes and come off an index in order; the
   * few with peers present have minutes that grow with time (until they go stale, see
   * {@link Session#clockAt}) and are computed for {@code now}. The page is the merge of the two.
   */
  private List<Listed> listByMinutes(Connection c, Where where, SessionOrder order, int limit, long offset, long now)
      throws SQLException {
    String dir = order.direction();
    String settled = " FROM sessions" + where.sql + " AND live_count = 0 ORDER BY closed_ms " + dir + ", id " + dir;
    String sql = "SELECT " + COLUMNS + listed("merged") + " FROM ("
        + "SELECT " + COLUMNS + ", closed_ms AS minutes_ms FROM (SELECT " + COLUMNS + settled + " LIMIT ?) settled"
        + " UNION ALL "
        + "SELECT " + COLUMNS + ", closed_ms + live_count * (CASE WHEN live_until >= ? THEN ? ELSE updated_at END)"
        + " - live_join_sum AS minutes_ms FROM sessions" + where.sql + " AND live_count > 0"
        + ") merged ORDER BY minutes_ms " + dir + ", id " + dir + " LIMIT ? OFFSET ?";
    try (PreparedStatement ps = prepare(c, sql, true)) {
      int i = where.bind(ps, 1);
      ps.setLong(i++, offset + limit);
      ps.setLong(i++, now);
      ps.setLong(i++, now);
      i = where.bind(ps, i);
      ps.setInt(i++, limit);
      ps.setLong(i, offset);
      return mapListed(ps);
    }
  }

  /**
   * The exact number of sessions the filter covers. Where the maintained counters answer the
   * filter without its status, they do, minus the LIVE sessions for ENDED (LIVE sessions are
   * few: those with peers present or in their keep-alive, counted from their index); other
   * filters are counted from their index ranges.
   */
  public long count(Connection c, SessionFilter filter, long now) throws SQLException {
    return count(c, filter, query(c, filter, now), now);
  }

  private long count(Connection c, SessionFilter filter, Query filtered, long now) throws SQLException {
    Long all = filter.status() == SessionStatus.LIVE ? null : fromCounters(c, filter.withStatus(null), filtered, now);
    if (all == null) {
      // Mixed filters: their matches are counted, status included.
      return countParts(c, filtered);
    }
    return filter.status() == SessionStatus.ENDED
        ? all - countParts(c, filtered.withBase(where(filter.withStatus(SessionStatus.LIVE), now,
            filtered.peakIndexed())))
        : all;
  }

  /**
   * The count of a filter without status from the counters, or null where they do not answer
   * it. A bare search counts its matching meetings' sessions from their counters and the
   * sessions whose own id matches outside them from the index.
   */
  private Long fromCounters(Connection c, SessionFilter f, Query query, long now) throws SQLException {
    if (f.search() == null) {
      return fromCounters(c, f, query.inPeakRange(), now);
    }
    if (!f.equals(new SessionFilter(f.appId(), null, null, null, null, null, null, f.search()))) {
      return null;
    }
    Where base = where(f, now, query.peakIndexed());
    long total = 0;
    for (Condition part : query.disjoint()) {
      total += part.sessions() != null ? part.sessions() : countWhere(c, base.and(part));
    }
    return total;
  }

  /**
   * The count of a filter without status and search from the counters, or null where they do
   * not answer it; {@code inPeakRange} is the peak counters' sum for the filter's range.
   */
  private Long fromCounters(Connection c, SessionFilter f, Long inPeakRange, long now) throws SQLException {
    boolean created = f.createdFrom() != null || f.createdTo() != null;
    boolean peak = f.minPeak() != null || f.maxPeak() != null;
    boolean meeting = f.meetingId() != null;
    if (!created && !peak && !meeting) {
      return counts.ofApp(c, f.appId());
    }
    if (meeting && !created && !peak) {
      return counts.ofMeeting(c, f.appId(), f.meetingId());
    }
    if (peak && !created && !meeting) {
      return inPeakRange;
    }
    if (created && !peak && !meeting) {
      // Whole days from their counters; the partial days at either edge from the index.
      long day = SessionCounts.DAY_MS;
      long firstDay = f.createdFrom() == null ? Long.MIN_VALUE / day : -Math.floorDiv(-f.createdFrom(), day);
      long lastDay = f.createdTo() == null ? Long.MAX_VALUE / day - 1 : Math.floorDiv(f.createdTo() + 1, day) - 1;
      if (firstDay > lastDay) {
        return null;
      }
      long total = counts.sum(c, f.appId(), SessionCounts.Dimension.CREATED_DAY, firstDay, lastDay);
      if (f.createdFrom() != null && f.createdFrom() < firstDay * day) {
        total += countWhere(c, where(f.withCreated(f.createdFrom(), firstDay * day - 1), now, true));
      }
      if (f.createdTo() != null && f.createdTo() >= (lastDay + 1) * day) {
        total += countWhere(c, where(f.withCreated((lastDay + 1) * day, f.createdTo()), now, true));
      }
      return total;
    }
    return null;
  }

  private long countParts(Connection c, Query query) throws SQLException {
    if (query.disjoint().isEmpty()) {
      return countWhere(c, query.base());
    }
    long total = 0;
    for (Condition part : query.disjoint()) {
      total += countWhere(c, query.base().and(part));
    }
    return total;
  }

  private long countWhere(Connection c, Where where) throws SQLException {
    try (PreparedStatement ps = prepare(c, "SELECT COUNT(*) FROM sessions" + where.sql, where.filters())) {
      where.bind(ps, 1);
      return Jdbc.singleLong(ps);
    }
  }

  /**
   * When the first of the app's LIVE top-level sessions (at {@code now}) ends, if no event
   * comes: until then, no session changes status by the clock alone. {@link Long#MAX_VALUE}
   * when none is LIVE.
   */
  public long nextLiveEnd(Connection c, String appId, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT MIN(live_until) FROM sessions" + TOP_LEVEL
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
  private record Where(String sql, List<Object> values) {
    /** Whether anything besides the app is bound: the unfiltered list's plans do not depend on values. */
    boolean filters() {
      return values.size() > 1;
    }

    Where and(String condition, Object... more) {
      List<Object> all = new ArrayList<>(values);
      all.addAll(List.of(more));
      return new Where(sql + condition, all);
    }

    Where and(Condition condition) {
      return and(" AND " + condition.sql(), condition.values().toArray());
    }

    int bind(PreparedStatement ps, int start) throws SQLException {
      int i = start;
      for (Object v : values) {
        if (v instanceof Long l) {
          ps.setLong(i++, l);
        } else if (v instanceof Integer n) {
          ps.setInt(i++, n);
        } else {
          ps.setString(i++, (String) v);
        }
      }
      return i;
    }
  }

  /**
   * One search condition. {@code sessions} is how many top-level sessions it matches when the
   * matching meetings' counters say so (the condition "a session of one of them"), else null.
   */
  private record Condition(String sql, List<Object> values, Long sessions) {}

  /**
   * A filter as SQL: the conditions on the session's own columns, and for a search, two parts
   * that together make the match: the session's meeting matches, or the session's id matches.
   * Kept apart, each part is served by its own index; OR-ed, the database reads every match
   * from the table. Pages merge the parts with UNION, which drops a session matching both;
   * counts add {@code disjoint} parts, where the id part leaves out sessions of matching
   * meetings (named once only in the page's statement: the matching meetings of a word in 1 %
   * of the titles are about 950 bound values).
   */
  private record Query(Where base, List<Condition> search, List<Condition> disjoint, Long inPeakRange,
      boolean peakIndexed) {
    Query withBase(Where other) {
      return new Query(other, search, disjoint, inPeakRange, peakIndexed);
    }

    List<Where> parts() {
      return search.isEmpty() ? List.of(base) : search.stream().map(base::and).toList();
    }

    /** All parts in one WHERE, where one statement must see them together. */
    Where anyPart() {
      if (search.isEmpty()) {
        return base;
      }
      List<String> sql = new ArrayList<>();
      List<Object> values = new ArrayList<>();
      for (Condition part : search) {
        sql.add("(" + part.sql() + ")");
        values.addAll(part.values());
      }
      return base.and(" AND (" + String.join(" OR ", sql) + ")", values.toArray());
    }
  }

  private Query query(Connection c, SessionFilter f, long now) throws SQLException {
    // A peak range holding under 1/64 of the app's sessions (by the counters) is read through
    // sessions_by_peak; a broader one in the page's order, skipping the others. SQLite, without
    // statistics for ranges, took the peak index for a range holding 5 % of the app and sorted
    // its 236,000 sessions for each page (0.7 s).
    Long inPeakRange = f.minPeak() == null && f.maxPeak() == null ? null
        : counts.sum(c, f.appId(), SessionCounts.Dimension.PEAK, f.minPeak() == null ? Integer.MIN_VALUE : f.minPeak(),
            f.maxPeak() == null ? Integer.MAX_VALUE : f.maxPeak());
    boolean peakIndexed = inPeakRange == null || inPeakRange * 64 < counts.ofApp(c, f.appId());
    Where base = where(f, now, peakIndexed);
    if (f.search() == null) {
      return new Query(base, List.of(), List.of(), inPeakRange, peakIndexed);
    }
    List<List<Condition>> parts = search(c, f.appId(), f.search().toLowerCase(Locale.ROOT));
    return new Query(base, parts.get(0), parts.get(1), inPeakRange, peakIndexed);
  }

  /**
   * The filter's conditions other than the search. A unary {@code +} keeps a column's index out
   * of the plan: ENDED holds nearly every session, and a broad peak range many (see
   * {@link #query}), so the order's own index is the better path for either.
   */
  private static Where where(SessionFilter f, long now, boolean peakIndexed) {
    StringBuilder sql = new StringBuilder(TOP_LEVEL);
    List<Object> values = new ArrayList<>();
    values.add(f.appId());
    if (f.status() == SessionStatus.LIVE) {
      sql.append(" AND live_until >= ?");
      values.add(now);
    } else if (f.status() == SessionStatus.ENDED) {
      sql.append(" AND +live_until < ?");
      values.add(now);
    }
    if (f.meetingId() != null) {
      sql.append(" AND meeting_id = ?");
      values.add(f.meetingId());
    }
    if (f.createdFrom() != null) {
      sql.append(" AND created_at >= ?");
      values.add(f.createdFrom());
    }
    if (f.createdTo() != null) {
      sql.append(" AND created_at <= ?");
      values.add(f.createdTo());
    }
    if (f.minPeak() != null) {
      sql.append(peakIndexed ? " AND peak_count >= ?" : " AND +peak_count >= ?");
      values.add(f.minPeak());
    }
    if (f.maxPeak() != null) {
      sql.append(peakIndexed ? " AND peak_count <= ?" : " AND +peak_count <= ?");
      values.add(f.maxPeak());
    }
    return new Where(sql.toString(), values);
  }

  /**
   * Case-insensitive substring of the session id, the meeting id or the meeting title. Matching
   * meetings are looked up first (trigram indexes: pg_trgm on PostgreSQL, FTS5 on SQLite) and,
   * when there are not too many, named in the query, so the sessions come off
   * {@code sessions_top_by_meeting} instead of being probed one by one. SQLite's FTS pattern is
   * a superset (no escapes) that instr() makes exact.
   */
  private List<List<Condition>> search(Connection c, String appId, String text) throws SQLException {
    boolean pg = db.dialect() == Dialect.POSTGRESQL;
    String like = pg ? Jdbc.likeContains(text) : "%" + text + "%";
    String matching = pg
        ? " FROM meetings m WHERE m.app_id = ?"
            + " AND (m.title_search LIKE ? ESCAPE '\\' OR LOWER(m.id) LIKE ? ESCAPE '\\')"
        : " FROM meetings m WHERE m.app_id = ?"
            + " AND m.rowid IN (SELECT rowid FROM meetings_fts WHERE meetings_fts.title_search LIKE ?"
            + " UNION SELECT rowid FROM meetings_fts WHERE meetings_fts.id LIKE ?)"
            + " AND (instr(m.title_search, ?) > 0 OR instr(lower(m.id), ?) > 0)";
    String meetingMatch = "SELECT m.id" + matching;
    List<Object> meetingValues = pg ? List.of(appId, like, like) : List.of(appId, like, like, text, text);

    // The matching meetings with their session counters, in one pass.
    List<String> meetings = new ArrayList<>();
    long meetingSessions = 0;
    try (PreparedStatement ps = prepare(c, "SELECT m.id, m.session_count" + matching + " LIMIT "
        + (MAX_NAMED_MEETINGS + 1), true)) {
      new Where("", meetingValues).bind(ps, 1);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          meetings.add(rs.getString(1));
          meetingSessions += rs.getLong(2);
        }
      }
    }

    String idSql = pg ? "LOWER(id) LIKE ? ESCAPE '\\'"
        : "rowid IN (SELECT rowid FROM sessions_fts WHERE sessions_fts.id LIKE ?) AND instr(lower(id), ?) > 0";
    List<Object> idValues = pg ? List.of(like) : List.of(like, text);
    Condition ofId = new Condition(idSql, idValues, null);
    if (meetings.isEmpty()) {
      return List.of(List.of(ofId), List.of(ofId));
    }
    Condition ofMeetings;
    if (meetings.size() > MAX_NAMED_MEETINGS) {
      ofMeetings = new Condition("meeting_id IN (" + meetingMatch + ")", meetingValues, null);
    } else {
      ofMeetings = new Condition("meeting_id IN (" + Jdbc.placeholders(meetings.size()) + ")",
          List.copyOf(meetings), meetingSessions);
    }
    // For counting, the id part without sessions of matching meetings: a probe of the
    // session's own meeting row, as the sessions whose id matches are few.
    String ownMeetingMatches = pg
        ? "m.title_search LIKE ? ESCAPE '\\' OR LOWER(m.id) LIKE ? ESCAPE '\\'"
        : "instr(m.title_search, ?) > 0 OR instr(lower(m.id), ?) > 0";
    List<Object> outsideValues = new ArrayList<>(idValues);
    outsideValues.addAll(pg ? List.of(like, like) : List.of(text, text));
    Condition ofIdOutside = new Condition(idSql + " AND NOT EXISTS (SELECT 1 FROM meetings m WHERE"
        + " m.app_id = sessions.app_id AND m.id = sessions.meeting_id AND (" + ownMeetingMatches + "))",
        outsideValues, null);
    return List.of(List.of(ofMeetings, ofId), List.of(ofMeetings, ofIdOutside));
  }

  /** A statement of the list or its count; one with filters is planned for its values (see Dialect). */
  private PreparedStatement prepare(Connection c, String sql, boolean filtered) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      if (filtered) {
        db.dialect().planForValues(ps);
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  private static List<Listed> mapListed(PreparedStatement ps) throws SQLException {
    return rows(ps, SessionStore::mapListed);
  }

  private static Listed mapListed(ResultSet rs) throws SQLException {
    String title = rs.getString("meeting_title");
    return new Listed(map(rs), title == null ? "" : title, rs.getBoolean("hosts_breakouts"));
  }

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

  private static Session map(ResultSet rs) throws SQLException {
    return new Session(rs.getString("app_id"), rs.getString("id"), rs.getString("meeting_id"),
        rs.getString("parent_session_id"), SessionType.fromWire(rs.getString("type")), rs.getInt("live_count"),
        rs.getInt("peak_count"), rs.getLong("closed_ms"), rs.getLong("live_join_sum"), rs.getLong("created_at"),
        rs.getLong("started_at"), rs.getLong("updated_at"), Jdbc.nullableLong(rs, "ended_at"),
        rs.getLong("live_until"), rs.getString("meta"));
  }
}
