package dev.rtksessions.storage;

import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.model.SessionStatus;
import dev.rtksessions.storage.SessionList.Listed;
import dev.rtksessions.storage.Where.Condition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one list request, on one connection: the filter as WHERE clauses and the pieces
 * of a search, shared by the page and count plans that run them.
 *
 * <p>A search has two parts that together make its match: the session's meeting matches, or
 * the session's own id matches. Kept apart, each part is served by its own index; OR-ed, the
 * database reads every match from the table. Pages merge the parts with UNION, which drops a
 * session matching both; counts add {@link #disjoint} parts, where the id part leaves out
 * sessions of matching meetings, so the matching meetings are named once per statement.
 */
final class ListSql {
  static final String TOP_LEVEL = " WHERE app_id = ? AND parent_session_id IS NULL";

  final Connection c;
  final ListQuery q;
  final SessionCounts counts;
  private final Dialect dialect;
  private final boolean peakIndexed;
  /** The request's own filter, without the search. */
  final Where base;
  /** The search's parts for pages (empty without a search). */
  final List<Condition> search;
  /** The search's parts for counts, which no session matches twice (empty without a search). */
  final List<Condition> disjoint;

  ListSql(Connection c, Dialect dialect, SessionCounts counts, ListQuery q, ListPlan plan) {
    this.c = c;
    this.q = q;
    this.counts = counts;
    this.dialect = dialect;
    this.peakIndexed = plan.peakIndexed();
    this.base = where(q.filter());
    ListQuery.SearchMatch match = q.facts().search();
    if (match == null) {
      this.search = List.of();
      this.disjoint = List.of();
    } else {
      Dialect.SearchSql sql = dialect.search(match.text());
      Condition ofId = new Condition(sql.sessionIdCondition(), sql.sessionIdValues(), null);
      if (match.named() && match.meetingIds().isEmpty()) {
        this.search = List.of(ofId);
        this.disjoint = List.of(ofId);
      } else {
        // The matching meetings as one bound list: planning does not grow with their number.
        Condition ofMeetings = match.named()
            ? new Condition(dialect.inList("meeting_id"), List.of(dialect.list(match.meetingIds())),
                match.meetingSessions())
            : new Condition("meeting_id IN (SELECT m.id FROM meetings m WHERE m.app_id = ? AND "
                + sql.meetingCondition() + ")", prepend(q.filter().appId(), sql.meetingValues()),
                match.meetingSessions());
        // The id part without sessions of matching meetings: a probe of the session's own
        // meeting row, as the sessions whose id matches are few.
        List<Object> outside = new ArrayList<>(sql.sessionIdValues());
        outside.addAll(sql.ownMeetingValues());
        Condition ofIdOutside = new Condition(sql.sessionIdCondition() + " AND NOT EXISTS (SELECT 1 FROM meetings m"
            + " WHERE m.app_id = sessions.app_id AND m.id = sessions.meeting_id AND ("
            + sql.ownMeetingCondition() + "))", outside, null);
        this.search = List.of(ofMeetings, ofId);
        this.disjoint = List.of(ofMeetings, ofIdOutside);
      }
    }
  }

  /**
   * A filter's conditions other than the search. A unary {@code +} keeps a column's index out
   * of the plan: ENDED holds nearly every session, and a broad participants range many (see
   * {@link ListPlanner#peakIndexed}), so the order's own index is the better path for either.
   */
  Where where(SessionFilter f) {
    StringBuilder sql = new StringBuilder(TOP_LEVEL);
    List<Object> values = new ArrayList<>();
    values.add(f.appId());
    if (f.status() == SessionStatus.LIVE) {
      sql.append(" AND live_until >= ?");
      values.add(q.now());
    } else if (f.status() == SessionStatus.ENDED) {
      sql.append(" AND +live_until < ?");
      values.add(q.now());
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

  /** The base with each page part of the search: one WHERE per part (one without a search). */
  List<Where> parts() {
    return search.isEmpty() ? List.of(base) : search.stream().map(base::and).toList();
  }

  /** The base with all the search's parts OR-ed, where one statement must see them together. */
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

  /** ORDER BY of a page by creation time, ties on the id in the same direction. */
  String byCreated() {
    String dir = direction(q.order());
    return " ORDER BY created_at " + dir + ", id " + dir;
  }

  static String direction(SessionOrder order) {
    return order.ascending() ? "ASC" : "DESC";
  }

  /** COUNT(*) of the sessions {@code where} covers, each search part counted once. */
  long countMatching(Where where) throws SQLException {
    if (disjoint.isEmpty()) {
      return count(where);
    }
    long total = 0;
    for (Condition part : disjoint) {
      total += count(where.and(part));
    }
    return total;
  }

  long count(Where where) throws SQLException {
    try (PreparedStatement ps = prepare("SELECT COUNT(*) FROM sessions" + where.sql(), where.filters())) {
      where.bind(ps, 1);
      return Jdbc.singleLong(ps);
    }
  }

  /** A statement of the list or its count; one with filters is planned for its values (see Dialect). */
  PreparedStatement prepare(String sql, boolean filtered) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    try {
      if (filtered) {
        dialect.planForValues(ps);
      }
      return ps;
    } catch (SQLException e) {
      ps.close();
      throw e;
    }
  }

  /**
   * What a listed session shows of its meeting: the title and whether it hosts breakout
   * meetings, read by the outermost SELECT instead of by another statement, for the returned
   * rows only where they come in index order (SQLite computes them before a sort, for the rows
   * it sorts).
   */
  static String meetingColumns(String alias) {
    return ", (SELECT m.title FROM meetings m WHERE m.app_id = " + alias + ".app_id AND m.id = " + alias
        + ".meeting_id) AS meeting_title, EXISTS (SELECT 1 FROM meetings b WHERE b.app_id = " + alias + ".app_id"
        + " AND b.parent_meeting_id = " + alias + ".meeting_id) AS hosts_breakouts";
  }

  static List<Listed> listed(PreparedStatement ps) throws SQLException {
    List<Listed> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(listed(rs));
      }
    }
    return rows;
  }

  static Listed listed(ResultSet rs) throws SQLException {
    String title = rs.getString("meeting_title");
    return new Listed(SessionStore.map(rs), title == null ? "" : title, rs.getBoolean("hosts_breakouts"));
  }

  private static List<Object> prepend(Object first, List<Object> rest) {
    List<Object> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
