package dev.rtksessions.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.model.SessionStatus;
import dev.rtksessions.testing.ListDataset;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every plan of the sessions list against a plain-SQL oracle, on both stores: for a spread of
 * filters, orders and offsets (deep pages and pages by minutes included) the page's session ids,
 * in order, and its total are those of one straightforward query over the sessions and their
 * meetings. The requests must between them use every page plan and every count plan.
 */
class ListPlansOracleTest {
  private static final long DAY = ListDataset.DAY;
  private static final long D0 = ListDataset.DAY0;
  private static final long NOW = ListDataset.NOW;
  private static final SessionOrder[] ORDERS = {
      new SessionOrder(SessionOrder.Key.CREATED_AT, false), new SessionOrder(SessionOrder.Key.CREATED_AT, true),
      new SessionOrder(SessionOrder.Key.MINUTES_CONSUMED, false),
      new SessionOrder(SessionOrder.Key.MINUTES_CONSUMED, true)};

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void everyPlanGivesWhatThePlainQueryGives(TestDatabases.Kind kind) {
    try (TestService t = TestService.start(kind)) {
      String app = t.newApp();
      ListDataset.fill(t.service, app, 42);
      // Another app's sessions must never show.
      ListDataset.fill(t.service, t.appId, 43);
      SessionList named = t.service.stores().sessionList();
      // A search matching more meetings than it names matches them with a subquery.
      SessionList unnamed = new SessionList(t.service.database(), t.service.stores().counts(), 3);
      Set<String> pagePlans = new LinkedHashSet<>();
      Set<String> countPlans = new LinkedHashSet<>();
      int checked = t.service.database().read(c -> {
        int n = 0;
        for (SessionFilter f : filters(app)) {
          long matching = oracleCount(c, f);
          for (SessionOrder order : ORDERS) {
            // Searches: descending orders through the subquery form, ascending ones naming the meetings.
            SessionList list = f.search() != null && !order.ascending() ? unnamed : named;
            List<Long> offsets = new ArrayList<>(List.of(0L, 40L));
            if (matching > 1_100) {
              offsets.addAll(List.of(1_000L, matching - 30, matching + 10));
            }
            for (long offset : offsets) {
              ListPlan plan = ListPlanner.plan(new ListQuery(f, order, 20, offset, NOW, list.facts(c, f)));
              pagePlans.add(plan.page().toString());
              countPlans.add(plan.count().toString());
              SessionList.Page page = list.page(c, f, order, 20, offset, NOW);
              String what = f + " " + order + " offset " + offset + " by " + plan;
              assertThat(page.sessions().stream().map(l -> l.session().id()).toList()).as(what)
                  .isEqualTo(oraclePage(c, f, order, offset));
              assertThat(page.totalCount()).as("total of %s", what).isEqualTo(matching);
              n++;
            }
          }
        }
        return n;
      });
      assertThat(checked).isGreaterThan(150);
      assertThat(pagePlans).contains("Head[]", "IndexRange[]", "FromKey[byDay=true]", "FromKey[byDay=false]",
          "SearchUnion[]", "ByMinutes[]");
      assertThat(countPlans).contains("WithPage[]", "AppTotal[]", "MeetingTotal[]", "PeakBuckets[]",
          "SearchCounters[]", "Matching[]", "AllButLive[withoutStatus=AppTotal[]]",
          "AllButLive[withoutStatus=SearchCounters[]]")
          .anyMatch(p -> p.startsWith("DayBuckets["));
    }
  }

  private static List<SessionFilter> filters(String app) {
    SessionFilter all = SessionFilter.all(app);
    List<SessionFilter> f = new ArrayList<>();
    f.add(all);
    f.add(all.withStatus(SessionStatus.LIVE));
    f.add(all.withStatus(SessionStatus.ENDED));
    f.add(new SessionFilter(app, null, ListDataset.HOT_MEETING, null, null, null, null, null));
    f.add(new SessionFilter(app, SessionStatus.ENDED, ListDataset.HOT_MEETING, null, null, null, null, null));
    f.add(new SessionFilter(app, null, "m-150", null, null, null, null, null));
    f.add(all.withCreated(D0 + 2 * DAY + 3 * 3_600_000L, D0 + 5 * DAY + 7 * 3_600_000L));
    f.add(all.withCreated(D0 + 3 * DAY, D0 + 6 * DAY - 1));
    f.add(all.withCreated(D0 + 4 * DAY + 3_600_000L, D0 + 4 * DAY + 9 * 3_600_000L));
    f.add(all.withCreated(D0 + 1, null));
    f.add(new SessionFilter(app, null, null, null, null, 3, 5, null));
    f.add(new SessionFilter(app, null, null, null, null, 1, null, null));
    f.add(new SessionFilter(app, null, null, null, null, null, 2, null));
    f.add(new SessionFilter(app, null, null, null, null, 9, 9, null));
    f.add(search(app, null, ListDataset.COMMON_WORD));
    f.add(search(app, null, ListDataset.RARE_WORD));
    f.add(search(app, null, ListDataset.ID_WORD));
    f.add(search(app, null, "no-such-text"));
    f.add(search(app, null, "m-0"));
    f.add(search(app, SessionStatus.LIVE, ListDataset.COMMON_WORD));
    f.add(search(app, SessionStatus.ENDED, ListDataset.ID_WORD));
    f.add(new SessionFilter(app, SessionStatus.ENDED, null, D0 + DAY, D0 + 9 * DAY, null, null, "sync"));
    f.add(new SessionFilter(app, SessionStatus.ENDED, null, null, null, 2, 6, null));
    f.add(new SessionFilter(app, SessionStatus.LIVE, null, null, null, 1, null, null));
    f.add(new SessionFilter(app, null, null, D0 + 2 * DAY, D0 + 8 * DAY, 2, null, null));
    f.add(new SessionFilter(app, null, "m-001", null, null, null, null, "weekly"));
    return f;
  }

  private static SessionFilter search(String app, SessionStatus status, String text) {
    return new SessionFilter(app, status, null, null, null, null, null, text);
  }

  // ---- the oracle: one plain statement over sessions and their meetings ------------------------

  private static List<String> oraclePage(Connection c, SessionFilter f, SessionOrder order, long offset)
      throws SQLException {
    String dir = order.ascending() ? "ASC" : "DESC";
    String key = order.key() == SessionOrder.Key.CREATED_AT ? "s.created_at"
        : "s.closed_ms + s.live_count * (CASE WHEN s.live_until >= " + NOW + " THEN " + NOW
            + " ELSE s.updated_at END) - s.live_join_sum";
    List<Object> values = new ArrayList<>();
    String sql = "SELECT s.id FROM sessions s LEFT JOIN meetings m ON m.app_id = s.app_id AND m.id = s.meeting_id"
        + where(f, values) + " ORDER BY " + key + " " + dir + ", s.id " + dir + " LIMIT 20 OFFSET " + offset;
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps = bound(c, sql, values); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static long oracleCount(Connection c, SessionFilter f) throws SQLException {
    List<Object> values = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM sessions s LEFT JOIN meetings m ON m.app_id = s.app_id AND m.id = s.meeting_id"
        + where(f, values);
    try (PreparedStatement ps = bound(c, sql, values); ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String where(SessionFilter f, List<Object> values) {
    StringBuilder sql = new StringBuilder(" WHERE s.app_id = ? AND s.parent_session_id IS NULL");
    values.add(f.appId());
    if (f.status() != null) {
      sql.append(f.status() == SessionStatus.LIVE ? " AND s.live_until >= ?" : " AND s.live_until < ?");
      values.add(NOW);
    }
    if (f.meetingId() != null) {
      sql.append(" AND s.meeting_id = ?");
      values.add(f.meetingId());
    }
    if (f.createdFrom() != null) {
      sql.append(" AND s.created_at >= ?");
      values.add(f.createdFrom());
    }
    if (f.createdTo() != null) {
      sql.append(" AND s.created_at <= ?");
      values.add(f.createdTo());
    }
    if (f.minPeak() != null) {
      sql.append(" AND s.peak_count >= ?");
      values.add((long) f.minPeak());
    }
    if (f.maxPeak() != null) {
      sql.append(" AND s.peak_count <= ?");
      values.add((long) f.maxPeak());
    }
    if (f.search() != null) {
      String like = "%" + f.search().toLowerCase(Locale.ROOT) + "%";
      sql.append(" AND (LOWER(s.id) LIKE ? OR LOWER(m.title) LIKE ? OR LOWER(m.id) LIKE ?)");
      values.addAll(List.of(like, like, like));
    }
    return sql.toString();
  }

  private static PreparedStatement bound(Connection c, String sql, List<Object> values) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < values.size(); i++) {
      ps.setObject(i + 1, values.get(i));
    }
    return ps;
  }
}
