package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GET .../sessions (spec §2) through a real socket. Runs once per store: see the
 * subclasses at the bottom.
 */
abstract class ListSessionsApiTest extends PerStoreTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");

  /** n ended sessions in n meetings, one per hour, each with one peer for i+1 minutes. */
  private String appWithEndedSessions(int n) {
    String app = t.newApp();
    Events ev = new Events(BASE);
    for (int i = 0; i < n; i++) {
      String meeting = "m" + i;
      ev.join(meeting, "p" + i, i * 3600).with("meeting_title", "Meeting " + i);
      ev.leave(meeting, "p" + i, i * 3600 + (i + 1) * 60);
    }
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plus(Duration.ofDays(10)));
    return app;
  }

  private JsonNode ok(String app, String query) {
    ApiClient.Response r = t.listSessions(app, query);
    assertThat(r.status()).as("GET sessions?%s -> %s", query, r.body()).isEqualTo(200);
    assertThat(r.body().get("success").asBoolean()).isTrue();
    return r.body();
  }

  private static List<String> field(JsonNode body, String name) {
    List<String> values = new ArrayList<>();
    body.get("data").get("sessions").forEach(s -> values.add(s.get(name).asText()));
    return values;
  }

  private static void assertPaging(JsonNode body, long total, long start, long end) {
    JsonNode p = body.get("paging");
    assertThat(List.of(p.get("total_count").asLong(), p.get("start_offset").asLong(), p.get("end_offset").asLong()))
        .containsExactly(total, start, end);
  }

  // ---- paging -------------------------------------------------------------------------------

  @Test
  void defaultsAreFirstPageOfTwentyNewestFirst() {
    String app = appWithEndedSessions(25);
    JsonNode body = ok(app, "");
    assertThat(field(body, "associated_id")).hasSize(20).startsWith("m24", "m23").endsWith("m5");
    assertPaging(body, 25, 1, 20);
  }

  @Test
  void pagingArithmetic() {
    String app = appWithEndedSessions(25);
    assertPaging(ok(app, "page_no=2"), 25, 21, 25);
    assertThat(field(ok(app, "page_no=2"), "associated_id")).containsExactly("m4", "m3", "m2", "m1", "m0");
    assertPaging(ok(app, "page_no=3&per_page=10"), 25, 21, 25);
    assertPaging(ok(app, "page_no=2&per_page=7"), 25, 8, 14);
    assertThat(field(ok(app, "page_no=0&per_page=3"), "associated_id")).containsExactly("m24", "m23", "m22");
    assertPaging(ok(app, "page_no=0&per_page=3"), 25, 1, 3);
    assertPaging(ok(app, "per_page=200"), 25, 1, 25);
    assertPaging(ok(app, "per_page=1&page_no=25"), 25, 25, 25);
  }

  @Test
  void deepPagesAreReadFromTheirKeyAndAgreeWithShallowOnes() {
    String app = t.newApp();
    Events ev = new Events(BASE);
    for (int i = 0; i < 1150; i++) {
      // Pairs of sessions share a creation time, so the key's id tie-break is exercised.
      ev.join("deep-" + i, "p" + i, (i / 2) * 60).leave("deep-" + i, "p" + i, (i / 2) * 60 + 30);
    }
    for (int from = 0; from < ev.list().size(); from += 1000) {
      String batch = Events.json(ev.list().subList(from, Math.min(ev.list().size(), from + 1000)));
      assertThat(t.postEvents(app, batch).status()).isEqualTo(200);
    }
    t.clock.set(BASE.plus(Duration.ofDays(30)));
    for (String order : List.of("DESC", "ASC")) {
      List<String> all = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (int page = 1; page <= 6; page++) {
        JsonNode body = ok(app, "per_page=200&sort_order=" + order + "&page_no=" + page);
        all.addAll(field(body, "id"));
        body.get("data").get("sessions").forEach(s -> keys.add(s.get("created_at").asText() + " " + s.get("id").asText()));
      }
      assertThat(all).hasSize(1150).doesNotHaveDuplicates();
      // Pages 1-5 come from OFFSET, page 6 from its key: together, one order.
      List<String> sorted = new ArrayList<>(keys);
      sorted.sort(order.equals("ASC") ? java.util.Comparator.naturalOrder() : java.util.Comparator.reverseOrder());
      assertThat(keys).isEqualTo(sorted);
      // Pages 6 (offset 1000, from the key) and 51 of 50 (offset 1000 too) match the same slice.
      assertThat(field(ok(app, "per_page=20&sort_order=" + order + "&page_no=51"), "id"))
          .isEqualTo(all.subList(1000, 1020));
      assertThat(field(ok(app, "per_page=7&sort_order=" + order + "&page_no=165"), "id"))
          .isEqualTo(all.subList(1148, 1150));
      assertPaging(ok(app, "per_page=7&sort_order=" + order + "&page_no=165"), 1150, 1149, 1150);
      assertThat(field(ok(app, "per_page=200&sort_order=" + order + "&page_no=7"), "id")).isEmpty();
    }
  }

  @Test
  void aPagePastTheEndIsEmpty() {
    String app = appWithEndedSessions(3);
    JsonNode body = ok(app, "page_no=2");
    assertThat(body.get("data").get("sessions")).isEmpty();
    assertPaging(body, 3, 0, 0);
    JsonNode none = ok(t.newApp(), "");
    assertThat(none.get("data").get("sessions")).isEmpty();
    assertPaging(none, 0, 0, 0);
  }

  @Test
  void emptyValuesMeanDefaults() {
    String app = appWithEndedSessions(3);
    assertPaging(ok(app, "page_no=&per_page=&sort_by=&status=&search="), 3, 1, 3);
  }

  // ---- validation ---------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "page_no=abc|page_no must be an integer >= 0, got \"abc\"",
      "page_no=-1|page_no must be an integer >= 0, got \"-1\"",
      "page_no=1.5|page_no must be an integer >= 0",
      "per_page=0|per_page must be an integer between 1 and 200, got \"0\"",
      "per_page=201|per_page must be an integer between 1 and 200, got \"201\"",
      "per_page=abc|per_page must be an integer between 1 and 200, got \"abc\"",
      "sort_by=created_at|sort_by must be one of createdAt, minutesConsumed, got \"created_at\"",
      "sort_order=asc|sort_order must be one of ASC, DESC, got \"asc\"",
      "status=live|status must be one of LIVE, ENDED, got \"live\"",
      "associated_id=a%20b|associated_id must be 1-64 characters",
      "start_time=yesterday|start_time must be an RFC 3339 timestamp",
      "end_time=2025-13-01|end_time must be an RFC 3339 timestamp",
      "start_time=2025-03-05&end_time=2025-03-04|start_time must not be after end_time",
      "participants=abc|participants must be min:max, min:, :max or n",
      "participants=1:2:3|participants must be min:max, min:, :max or n",
      "participants=-1|participants must be min:max, min:, :max or n",
      "participants=%3A|participants must be min:max, min:, :max or n",
      "participants=5:2|participants min must not exceed max, got \"5:2\"",
      "status=LIVE&status=ENDED|status must be given at most once",
  })
  void badParametersAreA400NamingTheParameterAndTheRule(String query, String message) {
    ApiClient.Response r = t.listSessions(t.appId, query);
    assertThat(r.status()).isEqualTo(400);
    JsonNode body = r.body();
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("error").get("code").asInt()).isEqualTo(400);
    assertThat(body.get("error").get("message").asText()).contains(message);
    assertThat(body.get("errors").get(0).get("code").asInt()).isEqualTo(400);
    assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo(body.get("error").get("message").asText());
    assertThat(body.get("messages")).isEmpty();
  }

  @Test
  void searchLongerThanTheLimitIsRefused() {
    ApiClient.Response r = t.listSessions(t.appId, "search=" + "x".repeat(256));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("error").get("message").asText()).isEqualTo("search must be at most 255 characters, got 256");
  }

  @Test
  void unknownParametersAreIgnored() {
    assertThat(t.listSessions(t.appId, "foo=bar&include_everything=1").status()).isEqualTo(200);
  }

  // ---- filters ------------------------------------------------------------------------------

  @Test
  void timeRangeIsInclusiveOnCreatedAtAndReadsOffsets() {
    String app = appWithEndedSessions(5); // sessions created at BASE + 0h, 1h, 2h, 3h, 4h
    assertThat(field(ok(app, "start_time=2025-03-04T11:00:00Z&end_time=2025-03-04T13:00:00Z"), "associated_id"))
        .containsExactly("m3", "m2", "m1");
    assertThat(field(ok(app, "start_time=2025-03-04T11:00:00.001Z"), "associated_id"))
        .containsExactly("m4", "m3", "m2");
    // 16:30+05:30 is 11:00Z.
    assertThat(field(ok(app, "end_time=2025-03-04T16:30:00%2B05:30"), "associated_id")).containsExactly("m1", "m0");
    // An unencoded '+' arrives as a space; it is read as the offset sign.
    assertThat(field(ok(app, "end_time=2025-03-04T16:30:00+05:30"), "associated_id")).containsExactly("m1", "m0");
    assertThat(field(ok(app, "end_time=2025-03-04T05:00:00-05:00"), "associated_id")).containsExactly("m0");
    assertThat(field(ok(app, "start_time=2025-03-04"), "associated_id")).hasSize(5);
    assertThat(field(ok(app, "start_time=2025-03-05"), "associated_id")).isEmpty();
    assertPaging(ok(app, "start_time=2025-03-04T12:00:00.000Z"), 3, 1, 3);
  }

  @Test
  void participantsFilterUsesThePeak() {
    String app = t.newApp();
    Events ev = new Events(BASE);
    for (int size = 1; size <= 4; size++) {
      String meeting = "size" + size;
      for (int p = 0; p < size; p++) {
        ev.join(meeting, meeting + "-p" + p, size * 1000 + p);
      }
    }
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    assertThat(field(ok(app, "participants=2:3"), "associated_id")).containsExactlyInAnyOrder("size2", "size3");
    assertThat(field(ok(app, "participants=3:"), "associated_id")).containsExactlyInAnyOrder("size3", "size4");
    assertThat(field(ok(app, "participants=:1"), "associated_id")).containsExactly("size1");
    assertThat(field(ok(app, "participants=4"), "associated_id")).containsExactly("size4");
    assertThat(field(ok(app, "participants=0:0"), "associated_id")).isEmpty();
    assertPaging(ok(app, "participants=2:"), 3, 1, 3);
  }

  @Test
  void searchMatchesTitleMeetingIdAndSessionIdIgnoringCase() {
    String app = t.newApp();
    Events ev = new Events(BASE)
        .join("room-alpha", "a", 0).with("meeting_title", "Quarterly Ölbericht review")
        .join("room-beta", "b", 10).with("meeting_title", "100% done_party")
        .join("room-gamma", "c", 20).with("session_id", "sess-ZETA-1");
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    assertThat(field(ok(app, "search=QUARTERLY"), "associated_id")).containsExactly("room-alpha");
    assertThat(field(ok(app, "search=%C3%B6LBERICHT"), "associated_id")).containsExactly("room-alpha");
    assertThat(field(ok(app, "search=BETA"), "associated_id")).containsExactly("room-beta");
    assertThat(field(ok(app, "search=zeta"), "id")).containsExactly("sess-ZETA-1");
    // LIKE wildcards are matched literally.
    assertThat(field(ok(app, "search=100%25"), "associated_id")).containsExactly("room-beta");
    assertThat(field(ok(app, "search=%25"), "associated_id")).containsExactly("room-beta");
    assertThat(field(ok(app, "search=e_p"), "associated_id")).containsExactly("room-beta");
    assertThat(field(ok(app, "search=room"), "associated_id")).hasSize(3);
    assertPaging(ok(app, "search=room&per_page=2"), 3, 1, 2);
  }

  @Test
  void searchMatchingMoreMeetingsThanItNamesStillCountsExactly() {
    String app = t.newApp();
    Events ev = new Events(BASE);
    for (int i = 0; i < 1002; i++) {
      ev.join("common-" + i, "p" + i, i).with("meeting_title", i == 0 ? "Private" : "Common room " + i);
    }
    assertThat(t.postEvents(app, Events.json(ev.list().subList(0, 1000))).status()).isEqualTo(200);
    assertThat(t.postEvents(app, Events.json(ev.list().subList(1000, 1002))).status()).isEqualTo(200);
    assertPaging(ok(app, "search=common%20room&per_page=5"), 1001, 1, 5);
    assertPaging(ok(app, "search=ROOM%201&per_page=5"), 113, 1, 5); // 1, 10-19, 100-199, 1000-1001
    assertPaging(ok(app, "search=private"), 1, 1, 1);
  }

  @Test
  void associatedIdKeepsOneMeeting() {
    String app = t.newApp();
    Events ev = new Events(BASE)
        .join("m1", "a", 0).leave("m1", "a", 60)
        .join("m1", "b", 1000).leave("m1", "b", 1060)
        .join("m2", "c", 500);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(5000));
    JsonNode body = ok(app, "associated_id=m1");
    assertThat(field(body, "associated_id")).containsExactly("m1", "m1");
    assertPaging(body, 2, 1, 2);
    assertThat(field(ok(app, "associated_id=nope"), "id")).isEmpty();
  }

  // ---- status, keep-alive and read-time figures --------------------------------------------

  @Test
  void statusFollowsKeepAliveAtReadTime() {
    String app = t.newApp();
    Events ev = new Events(BASE).join("m", "a", 0).leave("m", "a", 120);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);

    t.clock.set(BASE.plusSeconds(120 + 60)); // the last instant of the keep-alive window
    JsonNode live = ok(app, "").get("data").get("sessions").get(0);
    assertThat(live.get("status").asText()).isEqualTo("LIVE");
    assertThat(live.get("live_participants").asInt()).isZero();
    assertThat(live.has("ended_at")).isFalse();
    assertPaging(ok(app, "status=LIVE"), 1, 1, 1);
    assertPaging(ok(app, "status=ENDED"), 0, 0, 0);

    t.clock.set(BASE.plusSeconds(180).plusMillis(1));
    JsonNode ended = ok(app, "").get("data").get("sessions").get(0);
    assertThat(ended.get("status").asText()).isEqualTo("ENDED");
    assertThat(ended.get("ended_at").asText()).isEqualTo("2025-03-04T10:02:00.000Z");
    assertThat(ended.get("minutes_consumed").decimalValue()).isEqualByComparingTo("2");
    assertPaging(ok(app, "status=LIVE"), 0, 0, 0);
    assertPaging(ok(app, "status=ENDED"), 1, 1, 1);
  }

  @Test
  void liveMinutesRunWithTheClock() {
    String app = t.newApp();
    Events ev = new Events(BASE).join("m", "a", 0).join("m", "b", 30).join("m", "c", 45).leave("m", "c", 60);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(90));
    JsonNode s = ok(app, "").get("data").get("sessions").get(0);
    // a: 1.5 min, b: 1 min, c: 0.25 min
    assertThat(s.get("minutes_consumed").decimalValue()).isEqualByComparingTo("2.75");
    assertThat(s.get("live_participants").asInt()).isEqualTo(2);
    assertThat(s.get("max_concurrent_participants").asInt()).isEqualTo(3);
    assertThat(s.get("status").asText()).isEqualTo("LIVE");
    t.clock.advance(Duration.ofSeconds(60));
    JsonNode later = ok(app, "").get("data").get("sessions").get(0);
    assertThat(later.get("minutes_consumed").decimalValue()).isEqualByComparingTo("4.75");
    t.clock.advance(Duration.ofMillis(7));
    // 2 peers x 7 ms = 0.000233 min, rounded to 4 decimals.
    assertThat(ok(app, "").get("data").get("sessions").get(0).get("minutes_consumed").decimalValue())
        .isEqualByComparingTo("4.7502");
  }

  @Test
  void sessionShapeOnTheWire() {
    String app = t.newApp();
    Events ev = new Events(BASE).join("m-shape", "a", 0).with("meeting_title", "Design review")
        .with("session_type", "livestream").with("meta", java.util.Map.of("room", "blue"));
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusMillis(30_123));
    JsonNode s = ok(app, "").get("data").get("sessions").get(0);
    assertThat(s.get("associated_id").asText()).isEqualTo("m-shape");
    assertThat(s.get("meeting_display_name").asText()).isEqualTo("Design review");
    assertThat(s.get("organization_id").asText()).isEqualTo(app);
    assertThat(s.get("type").asText()).isEqualTo("livestream");
    assertThat(s.get("created_at").asText()).isEqualTo("2025-03-04T10:00:00.000Z");
    assertThat(s.get("started_at").asText()).isEqualTo("2025-03-04T10:00:00.000Z");
    assertThat(s.get("updated_at").asText()).isEqualTo("2025-03-04T10:00:00.000Z");
    assertThat(s.get("minutes_consumed").decimalValue()).isEqualByComparingTo("0.5021");
    assertThat(s.get("breakout_rooms").isArray()).isTrue();
    assertThat(s.get("meta").get("room").asText()).isEqualTo("blue");
    assertThat(s.get("id").asText()).matches("[0-9a-f-]{36}");
  }

  // ---- sorting ------------------------------------------------------------------------------

  @Test
  void sortsByCreatedAtBothWays() {
    String app = appWithEndedSessions(4);
    assertThat(field(ok(app, "sort_by=createdAt&sort_order=ASC"), "associated_id"))
        .containsExactly("m0", "m1", "m2", "m3");
    assertThat(field(ok(app, "sort_by=createdAt&sort_order=DESC"), "associated_id"))
        .containsExactly("m3", "m2", "m1", "m0");
  }

  @Test
  void sortsByMinutesIncludingRunningOnes() {
    String app = appWithEndedSessions(4); // ended: m0 1 min, m1 2, m2 3, m3 4
    Events live = new Events(BASE.plus(Duration.ofDays(10)), "live").join("running", "x", -150); // 2.5 min at read
    assertThat(t.postEvents(app, live.json()).status()).isEqualTo(200);
    assertThat(field(ok(app, "sort_by=minutesConsumed&sort_order=ASC"), "associated_id"))
        .containsExactly("m0", "m1", "running", "m2", "m3");
    assertThat(field(ok(app, "sort_by=minutesConsumed"), "associated_id"))
        .containsExactly("m3", "m2", "running", "m1", "m0");
    assertThat(field(ok(app, "sort_by=minutesConsumed&per_page=2&page_no=2"), "associated_id"))
        .containsExactly("running", "m1");
    t.clock.advance(Duration.ofMinutes(2)); // running: 4.5 min
    assertThat(field(ok(app, "sort_by=minutesConsumed&sort_order=DESC"), "associated_id"))
        .containsExactly("running", "m3", "m2", "m1", "m0");
    assertThat(field(ok(app, "sort_by=minutesConsumed&sort_order=DESC&status=ENDED"), "associated_id"))
        .containsExactly("m3", "m2", "m1", "m0");
  }

  @Test
  void tiesBreakOnTheSessionIdInTheSortDirection() {
    String app = t.newApp();
    Events ev = new Events(BASE);
    for (String id : List.of("s-c", "s-a", "s-d", "s-b")) {
      ev.join("meeting-" + id, "p-" + id, 0).with("session_id", id);
      ev.leave("meeting-" + id, "p-" + id, 60);
    }
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(3600));
    assertThat(field(ok(app, "sort_order=ASC"), "id")).containsExactly("s-a", "s-b", "s-c", "s-d");
    assertThat(field(ok(app, ""), "id")).containsExactly("s-d", "s-c", "s-b", "s-a");
    assertThat(field(ok(app, "sort_by=minutesConsumed&sort_order=ASC"), "id"))
        .containsExactly("s-a", "s-b", "s-c", "s-d");
    assertThat(field(ok(app, "sort_by=minutesConsumed&per_page=2&page_no=2"), "id")).containsExactly("s-b", "s-a");
  }

  // ---- breakout rooms -----------------------------------------------------------------------

  @Test
  void breakoutRoomsNestUnderTheParentSessionLiveWhenTheyStart() {
    String app = t.newApp();
    Events ev = new Events(BASE)
        .join("main", "host", 0).with("meeting_title", "All hands")
        .join("room-1", "a", 60).with("parent_meeting_id", "main").with("meeting_title", "Breakout 1")
        .join("room-2", "b", 70).with("parent_meeting_id", "main")
        .leave("room-1", "a", 300).leave("room-2", "b", 310)
        .leave("main", "host", 600)
        // A later session of the breakout meeting while the parent has none: top level.
        .join("room-1", "c", 5000).leave("room-1", "c", 5060);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(9000));
    JsonNode body = ok(app, "sort_order=ASC");
    assertPaging(body, 2, 1, 2);
    JsonNode main = body.get("data").get("sessions").get(0);
    assertThat(main.get("associated_id").asText()).isEqualTo("main");
    JsonNode rooms = main.get("breakout_rooms");
    assertThat(rooms).hasSize(2);
    assertThat(rooms.get(0).get("associated_id").asText()).isEqualTo("room-1");
    assertThat(rooms.get(0).get("meeting_display_name").asText()).isEqualTo("Breakout 1");
    assertThat(rooms.get(0).get("minutes_consumed").decimalValue()).isEqualByComparingTo("4");
    assertThat(rooms.get(0).get("breakout_rooms")).isEmpty();
    assertThat(rooms.get(1).get("associated_id").asText()).isEqualTo("room-2");
    assertThat(body.get("data").get("sessions").get(1).get("associated_id").asText()).isEqualTo("room-1");
    // A parent event that arrives late re-links the breakout room under it.
    Events late = new Events(BASE, "late").join("main", "early-bird", 4990).leave("main", "early-bird", 5100);
    assertThat(t.postEvents(app, late.json()).status()).isEqualTo(200);
    JsonNode after = ok(app, "sort_order=ASC");
    assertPaging(after, 2, 1, 2);
    assertThat(after.get("data").get("sessions").get(1).get("associated_id").asText()).isEqualTo("main");
    assertThat(after.get("data").get("sessions").get(1).get("breakout_rooms")).hasSize(1);
  }

  /** The suite on the embedded default store. */
  static final class OnSqliteTest extends ListSessionsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  /** The suite on PostgreSQL. */
  static final class OnPostgresTest extends ListSessionsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }

}
