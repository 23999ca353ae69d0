package dev.rtksessions.storage;

import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The sessions list: a page of an app's top-level sessions and the exact number the filter
 * covers. A request is read in three steps: the facts that decide its plans are read (none for
 * most requests), {@link ListPlanner} chooses a {@link PagePlan} and a {@link CountPlan}, and
 * those run their statements. docs/design.md lists which plan serves which request, and why.
 */
public final class SessionList {
  private final Database db;
  private final SessionCounts counts;
  private final int maxNamedMeetings;

  public SessionList(Database db, SessionCounts counts) {
    this(db, counts, ListPlanner.MAX_NAMED_MEETINGS);
  }

  /** With another limit to the meetings a search names (tests use a small one). */
  SessionList(Database db, SessionCounts counts, int maxNamedMeetings) {
    this.db = db;
    this.counts = counts;
    this.maxNamedMeetings = maxNamedMeetings;
  }

  /** A listed session, with what the page shows of its meeting. */
  public record Listed(Session session, String meetingTitle, boolean meetingHostsBreakouts) {}

  /** A page of top-level sessions and the exact number the filter covers. */
  public record Page(List<Listed> sessions, long totalCount) {}

  /** One page and its total; minutes are ordered by their value at {@code now}. */
  public Page page(Connection c, SessionFilter filter, SessionOrder order, int limit, long offset, long now)
      throws SQLException {
    ListQuery q = new ListQuery(filter, order, limit, offset, now, facts(c, filter));
    ListPlan plan = ListPlanner.plan(q);
    ListSql sql = new ListSql(c, db.dialect(), counts, q, plan);
    PagePlan.Rows rows = plan.page().read(sql);
    return new Page(rows.sessions(), plan.count().count(sql, filter, rows));
  }

  /**
   * What decides the request's plans, read only where a filter needs it: for a participants
   * range, the app's total and the range's peak buckets; for a search, the matching meetings
   * with their counters (one statement of at most {@link ListPlanner#MAX_NAMED_MEETINGS} + 1
   * rows, and one more for their counters' sum beyond that).
   */
  ListQuery.Facts facts(Connection c, SessionFilter f) throws SQLException {
    Long appSessions = null;
    Long inPeakRange = null;
    if (f.minPeak() != null || f.maxPeak() != null) {
      inPeakRange = counts.sum(c, f.appId(), SessionCounts.Dimension.PEAK,
          f.minPeak() == null ? Integer.MIN_VALUE : f.minPeak(), f.maxPeak() == null ? Integer.MAX_VALUE : f.maxPeak());
      appSessions = counts.ofApp(c, f.appId());
    }
    ListQuery.SearchMatch search = f.search() == null ? null
        : matchingMeetings(c, f.appId(), f.search().toLowerCase(Locale.ROOT));
    return new ListQuery.Facts(appSessions, inPeakRange, search);
  }

  private ListQuery.SearchMatch matchingMeetings(Connection c, String appId, String text) throws SQLException {
    Dialect.SearchSql sql = db.dialect().search(text);
    List<String> ids = new ArrayList<>();
    long sessions = 0;
    String matching = " FROM meetings m WHERE m.app_id = ? AND " + sql.meetingCondition();
    PreparedStatement ps = c.prepareStatement("SELECT m.id, m.session_count" + matching + " LIMIT "
        + (maxNamedMeetings + 1));
    try (ps) {
      db.dialect().planForValues(ps);
      ps.setString(1, appId);
      Where.bind(ps, 2, sql.meetingValues());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
          sessions += rs.getLong(2);
        }
      }
    }
    if (ids.size() <= maxNamedMeetings) {
      return new ListQuery.SearchMatch(text, ids, sessions);
    }
    PreparedStatement sum = c.prepareStatement("SELECT COALESCE(SUM(m.session_count), 0)" + matching);
    try (sum) {
      sum.setString(1, appId);
      Where.bind(sum, 2, sql.meetingValues());
      return new ListQuery.SearchMatch(text, null, Jdbc.singleLong(sum));
    }
  }
}
