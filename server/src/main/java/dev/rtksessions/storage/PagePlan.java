package dev.rtksessions.storage;

import dev.rtksessions.storage.SessionList.Listed;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ways a page of the sessions list is read; {@link ListPlanner} chooses one per request. */
sealed interface PagePlan {

  /** The page's rows, and the total when the page's own statement read it. */
  record Rows(List<Listed> sessions, Long total) {}

  Rows read(ListSql s) throws SQLException;

  /**
   * The unfiltered list's first pages, the most frequent request: one statement, which also
   * reads the app's total (once: the subquery does not depend on the row). The limit and
   * offset are written into the SQL (numbers the caller validated, at most 200 and under
   * {@link ListPlanner#DEEP_OFFSET}): with them bound, PostgreSQL could not cost a generic plan
   * and planned every execution anew, which cost as much as running it.
   */
  record Head() implements PagePlan {
    @Override
    public Rows read(ListSql s) throws SQLException {
      try (PreparedStatement ps = s.c.prepareStatement("SELECT " + SessionStore.COLUMNS
          + ListSql.meetingColumns("sessions") + ", (" + SessionCounts.OF_APP_SQL + ") AS app_sessions FROM sessions"
          + ListSql.TOP_LEVEL + s.byCreated() + " LIMIT " + s.q.limit() + " OFFSET " + s.q.offset())) {
        ps.setString(1, s.q.filter().appId());
        ps.setString(2, s.q.filter().appId());
        List<Listed> sessions = new ArrayList<>();
        Long total = null;
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            sessions.add(ListSql.listed(rs));
            total = rs.getLong("app_sessions");
          }
        }
        return new Rows(sessions, total);
      }
    }
  }

  /** A filtered page by creation time, before the deep offsets: the filter's index range with OFFSET. */
  record IndexRange() implements PagePlan {
    @Override
    public Rows read(ListSql s) throws SQLException {
      Where where = s.base;
      try (PreparedStatement ps = s.prepare("SELECT " + SessionStore.COLUMNS + ListSql.meetingColumns("sessions")
          + " FROM sessions" + where.sql() + s.byCreated() + " LIMIT ? OFFSET ?", where.filters())) {
        int i = where.bind(ps, 1);
        ps.setInt(i++, s.q.limit());
        ps.setLong(i, s.q.offset());
        return new Rows(ListSql.listed(ps), null);
      }
    }
  }

  /**
   * A deep page by creation time, in two steps: skip the offset reading only the (created_at,
   * id) key, which the index holds, then read the page's rows from that key on; reading whole
   * rows for the skipped ones is what makes OFFSET slow. For the unfiltered list
   * ({@code byDay}) the day counters first say which day holds the offset, so only that day's
   * keys are skipped.
   */
  record FromKey(boolean byDay) implements PagePlan {
    @Override
    public Rows read(ListSql s) throws SQLException {
      if (!byDay) {
        return new Rows(fromKey(s, s.base, s.q.offset()), null);
      }
      boolean ascending = s.q.order().ascending();
      Optional<SessionCounts.DayOffset> day = s.counts.dayAt(s.c, s.q.filter().appId(), s.q.offset(), ascending);
      if (day.isEmpty()) {
        return new Rows(List.of(), null);
      }
      long bound = (day.get().day() + (ascending ? 0 : 1)) * SessionCounts.DAY_MS;
      Where inDay = s.base.and(ascending ? " AND created_at >= ?" : " AND created_at < ?", bound);
      return new Rows(fromKey(s, inDay, day.get().offsetInDay()), null);
    }

    /** The key at {@code offset} under {@code keyWhere}; the page continues past it under the base. */
    private static List<Listed> fromKey(ListSql s, Where keyWhere, long offset) throws SQLException {
      long keyCreated;
      String keyId;
      try (PreparedStatement ps = s.prepare("SELECT created_at, id FROM sessions" + keyWhere.sql() + s.byCreated()
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
      // not, and PostgreSQL then read the list from its start.
      Where from = s.base.and(s.q.order().ascending() ? " AND (created_at, id) >= (?, ?)"
          : " AND (created_at, id) <= (?, ?)", keyCreated, keyId);
      try (PreparedStatement ps = s.prepare("SELECT " + SessionStore.COLUMNS + ListSql.meetingColumns("sessions")
          + " FROM sessions" + from.sql() + s.byCreated() + " LIMIT ?", true)) {
        ps.setInt(from.bind(ps, 1), s.q.limit());
        return ListSql.listed(ps);
      }
    }
  }

  /**
   * A page of a search by creation time: each part of the search (the session's meeting
   * matches; its own id matches) gives its first offset + limit sessions off its own index, and
   * the page is cut from their union (a session in both parts once). One statement with an OR
   * of the parts read every match from the table to sort them.
   */
  record SearchUnion() implements PagePlan {
    @Override
    public Rows read(ListSql s) throws SQLException {
      String orderBy = s.byCreated();
      List<Where> parts = s.parts();
      StringBuilder sql = new StringBuilder("SELECT " + SessionStore.COLUMNS + ListSql.meetingColumns("merged")
          + " FROM (");
      for (int p = 0; p < parts.size(); p++) {
        sql.append(p == 0 ? "" : " UNION ").append("SELECT ").append(SessionStore.COLUMNS).append(" FROM (SELECT ")
            .append(SessionStore.COLUMNS).append(" FROM sessions").append(parts.get(p).sql()).append(orderBy)
            .append(" LIMIT ?) part").append(p);
      }
      sql.append(") merged").append(orderBy).append(" LIMIT ? OFFSET ?");
      try (PreparedStatement ps = s.prepare(sql.toString(), true)) {
        int i = 1;
        for (Where part : parts) {
          i = part.bind(ps, i);
          ps.setLong(i++, s.q.offset() + s.q.limit());
        }
        ps.setInt(i++, s.q.limit());
        ps.setLong(i, s.q.offset());
        return new Rows(ListSql.listed(ps), null);
      }
    }
  }

  /**
   * A page by minutes: sessions without peers present have fixed minutes and come off their
   * index in order; the few with peers present have minutes that grow with time (until they go
   * stale: then up to their last event) and are computed for the read instant. The page is the
   * merge of the two, any search part matching.
   */
  record ByMinutes() implements PagePlan {
    @Override
    public Rows read(ListSql s) throws SQLException {
      Where where = s.anyPart();
      String dir = ListSql.direction(s.q.order());
      String settled = " FROM sessions" + where.sql() + " AND live_count = 0 ORDER BY closed_ms " + dir + ", id " + dir;
      String sql = "SELECT " + SessionStore.COLUMNS + ListSql.meetingColumns("merged") + " FROM ("
          + "SELECT " + SessionStore.COLUMNS + ", closed_ms AS minutes_ms FROM (SELECT " + SessionStore.COLUMNS
          + settled + " LIMIT ?) settled"
          + " UNION ALL "
          + "SELECT " + SessionStore.COLUMNS + ", closed_ms + live_count * (CASE WHEN live_until >= ? THEN ?"
          + " ELSE updated_at END) - live_join_sum AS minutes_ms FROM sessions" + where.sql() + " AND live_count > 0"
          + ") merged ORDER BY minutes_ms " + dir + ", id " + dir + " LIMIT ? OFFSET ?";
      try (PreparedStatement ps = s.prepare(sql, true)) {
        int i = where.bind(ps, 1);
        ps.setLong(i++, s.q.offset() + s.q.limit());
        ps.setLong(i++, s.q.now());
        ps.setLong(i++, s.q.now());
        i = where.bind(ps, i);
        ps.setInt(i++, s.q.limit());
        ps.setLong(i, s.q.offset());
        return new Rows(ListSql.listed(ps), null);
      }
    }
  }
}
