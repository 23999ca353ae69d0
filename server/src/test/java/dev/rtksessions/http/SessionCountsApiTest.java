package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.EventStreams;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * total_count and deep pages come from maintained counters (per app, meeting, creation day
 * and peak). A history of some 1,300 sessions over twelve days, partly delivered out of order
 * so sessions are rebuilt and breakout rooms re-linked, must give the counts and pages that
 * the session rows themselves give, for every filter the counters serve and their mixes.
 */
class SessionCountsApiTest {
  static final Instant BASE = Instant.parse("2025-06-01T00:00:00Z");
  static final String APP = "counts-app";
  static final long DAY = 86_400_000L;

  /** A top-level session row, read by the test's own SQL. */
  record Row(String id, String meetingId, String title, long createdAt, int peak, long liveUntil) {
    /** The search's rule: a case-insensitive substring of the session id, meeting id or title. */
    boolean matches(String text) {
      String t = text.toLowerCase(Locale.ROOT);
      return id.toLowerCase(Locale.ROOT).contains(t) || meetingId.toLowerCase(Locale.ROOT).contains(t)
          || title.toLowerCase(Locale.ROOT).contains(t);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void countsAndDeepPagesEqualWhatTheRowsGive(TestDatabases.Kind kind) {
    try (TestService t = TestService.start(kind)) {
      t.service.catalog().ensureApp(t.accountId, APP, "counts");
      List<Map<String, Object>> history = history();
      int inOrder = history.size() - 300;
      for (int i = 0; i < inOrder; i += 500) {
        ApiClient.Response r = t.postEvents(APP, Events.json(history.subList(i, Math.min(i + 500, inOrder))));
        assertThat(r.status()).as("in-order batch: %s", r.body()).isEqualTo(200);
      }
      EventStreams.deliverShuffled(t, APP, history.subList(inOrder, history.size()), new Random(7));
      List<String> wrongCounters = t.service.database().read(c -> t.service.stores().counts().verify(c));
      assertThat(wrongCounters).isEmpty();

      long now = BASE.plus(Duration.ofDays(11)).plus(Duration.ofHours(21)).toEpochMilli();
      t.clock.set(Instant.ofEpochMilli(now));
      List<Row> rows = rows(t);
      assertThat(rows).hasSizeGreaterThan(1100);
      assertThat(rows.stream().filter(r -> r.liveUntil() >= now)).as("some sessions LIVE").isNotEmpty();

      String hex = rows.get(rows.size() / 2).id().substring(9, 12);
      Map<String, Predicate<Row>> filters = new LinkedHashMap<>();
      filters.put("", r -> true);
      filters.put("status=LIVE", r -> r.liveUntil() >= now);
      filters.put("status=ENDED", r -> r.liveUntil() < now);
      filters.put("associated_id=gm-21-1", r -> r.meetingId().equals("gm-21-1"));
      filters.put("participants=3:5", r -> r.peak() >= 3 && r.peak() <= 5);
      filters.put("participants=4:", r -> r.peak() >= 4);
      filters.put("participants=:2", r -> r.peak() <= 2);
      filters.put("search=quokka", r -> r.matches("quokka"));
      filters.put("search=gm-3", r -> r.matches("gm-3"));
      filters.put("search=" + hex, r -> r.matches(hex));
      filters.put("status=ENDED&participants=2:4", r -> r.liveUntil() < now && r.peak() >= 2 && r.peak() <= 4);
      filters.put("status=ENDED&search=quokka", r -> r.liveUntil() < now && r.matches("quokka"));
      filters.put("status=LIVE&associated_id=gm-110-2", r -> r.liveUntil() >= now && r.meetingId().equals("gm-110-2"));
      // Ranges: unaligned over several days, exactly whole days, open at either end, inside one day.
      long[][] ranges = {
          {ms(1, 7, 13), ms(5, 19, 2)}, {ms(2, 0, 0), ms(6, 0, 0) - 1}, {ms(2, 0, 0), ms(6, 0, 0)},
          {ms(3, 10, 0), ms(3, 16, 30)}, {ms(8, 23, 59), Long.MAX_VALUE}, {Long.MIN_VALUE, ms(4, 0, 1)}};
      for (long[] range : ranges) {
        String q = (range[0] == Long.MIN_VALUE ? "" : "start_time=" + Instant.ofEpochMilli(range[0]))
            + (range[0] != Long.MIN_VALUE && range[1] != Long.MAX_VALUE ? "&" : "")
            + (range[1] == Long.MAX_VALUE ? "" : "end_time=" + Instant.ofEpochMilli(range[1]));
        Predicate<Row> in = r -> r.createdAt() >= range[0] && r.createdAt() <= range[1];
        filters.put(q, in);
        filters.put(q + "&status=ENDED", in.and(r -> r.liveUntil() < now));
        filters.put(q + "&participants=2:3", in.and(r -> r.peak() >= 2 && r.peak() <= 3));
        filters.put(q + "&search=quokka", in.and(r -> r.matches("quokka")));
      }
      for (Map.Entry<String, Predicate<Row>> f : filters.entrySet()) {
        long expected = rows.stream().filter(f.getValue()).count();
        ApiClient.Response r = t.listSessions(APP, f.getKey() + "&per_page=5");
        assertThat(r.status()).as(f.getKey()).isEqualTo(200);
        assertThat(r.body().get("paging").get("total_count").asLong()).as("total_count of %s", f.getKey())
            .isEqualTo(expected);
        List<String> expectedFirst = rows.stream().filter(f.getValue())
            .sorted(Comparator.comparingLong(Row::createdAt).thenComparing(Row::id).reversed())
            .limit(5).map(Row::id).toList();
        assertThat(ids(r.body())).as("first page of %s", f.getKey()).isEqualTo(expectedFirst);
      }
      assertThat(filters.keySet().stream().filter(k -> rows.stream().noneMatch(filters.get(k))))
          .as("filters that match nothing test little").hasSizeLessThan(3);

      // Deep pages (offset >= 1,000) find their day from the counters; both directions, across day ends.
      for (boolean ascending : new boolean[] {true, false}) {
        Comparator<Row> order = Comparator.comparingLong(Row::createdAt).thenComparing(Row::id);
        List<String> all = rows.stream().sorted(ascending ? order : order.reversed()).map(Row::id).toList();
        for (int page = 51; page <= all.size() / 20 + 2; page++) {
          ApiClient.Response r = t.listSessions(APP, "per_page=20&page_no=" + page
              + (ascending ? "&sort_order=ASC" : ""));
          assertThat(r.status()).isEqualTo(200);
          int from = Math.min((page - 1) * 20, all.size());
          assertThat(ids(r.body())).as("page %d, %s", page, ascending ? "ASC" : "DESC")
              .isEqualTo(all.subList(from, Math.min(from + 20, all.size())));
        }
      }
    }
  }

  /**
   * Four bursts of meetings a day for twelve days; one meeting in seven has "Quokka" in its
   * title, and its sessions ids that say "quokka" too.
   */
  private static List<Map<String, Object>> history() {
    List<Map<String, Object>> history = new ArrayList<>();
    for (int day = 0; day < 12; day++) {
      for (int burst = 0; burst < 4; burst++) {
        long seed = day * 10L + burst;
        Instant base = BASE.plus(Duration.ofDays(day)).plus(Duration.ofHours(burst * 6L + 3));
        for (Map<String, Object> e : EventStreams.generate(seed, 10, base)) {
          e.put("id", seed + "-" + e.get("id"));
          String meeting = (String) e.get("meeting_id");
          boolean quokka = meeting.hashCode() % 7 == 0;
          e.put("meeting_title", quokka ? "Weekly Quokka sync" : "Planning " + meeting);
          if (quokka && "participant.joined".equals(e.get("type"))) {
            // Sessions whose own id matches the search as well as their meeting: found once, counted once.
            String peer = (String) e.get("peer_id");
            e.put("session_id", "quokka-" + peer.substring(0, peer.lastIndexOf("-p")));
          }
          history.add(e);
        }
      }
    }
    history.sort(Comparator.comparing((Map<String, Object> e) -> Instant.parse((String) e.get("at"))));
    return history;
  }

  private static long ms(int day, int hour, int minute) {
    return BASE.toEpochMilli() + day * DAY + hour * 3_600_000L + minute * 60_000L;
  }

  private static List<Row> rows(TestService t) {
    return t.service.database().read(c -> {
      List<Row> rows = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.meeting_id, m.title, s.created_at,"
          + " s.peak_count, s.live_until FROM sessions s JOIN meetings m ON m.app_id = s.app_id AND m.id = s.meeting_id"
          + " WHERE s.app_id = ? AND s.parent_session_id IS NULL")) {
        ps.setString(1, APP);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                rs.getLong(6)));
          }
        }
      }
      return rows;
    });
  }

  private static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("data").get("sessions").forEach(s -> ids.add(s.get("id").asText()));
    return ids;
  }
}
