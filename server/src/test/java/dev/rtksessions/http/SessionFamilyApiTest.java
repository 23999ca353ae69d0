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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rest of the sessions family (spec §4): one session, participants, participant details,
 * peer reports, active sessions, and meeting updates. Once per store.
 */
abstract class SessionFamilyApiTest extends PerStoreTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");
  String app;

  /**
   * Meeting "main" (session "s-main"): alice 0–600 s, bob (two devices) 60–300 s and 120–∞,
   * carol 30–90 s; breakout "room" (session "s-room") with alice 200–500 s and dave 210–260 s.
   */
  @BeforeAll
  void feedHistory() {
    app = t.newApp();
    Events ev = new Events(BASE)
        .join("main", "alice-1", 0).with("session_id", "s-main").with("meeting_title", "Planning")
        .with("custom_participant_id", "alice").with("display_name", "Alice").with("user_id", "u-alice")
        .with("preset_name", "host")
        .join("main", "carol-1", 30).with("custom_participant_id", "carol").with("display_name", "Carol")
        .join("main", "bob-phone", 60).with("custom_participant_id", "bob").with("display_name", "Bob (phone)")
        .leave("main", "carol-1", 90)
        .join("main", "bob-laptop", 120).with("custom_participant_id", "bob").with("display_name", "Bob")
        .join("room", "alice-2", 200).with("session_id", "s-room").with("parent_meeting_id", "main")
        .with("custom_participant_id", "alice").with("display_name", "Alice")
        .join("room", "dave-1", 210).with("custom_participant_id", "dave").with("display_name", "Dave")
        .leave("room", "dave-1", 260)
        .leave("main", "bob-phone", 300)
        .leave("room", "alice-2", 500)
        .leave("main", "alice-1", 600);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(720)); // bob-laptop is still present
  }

  private JsonNode ok(String path) {
    ApiClient.Response r = t.get(t.appPath(app) + path);
    assertThat(r.status()).as("GET %s -> %s", path, r.body()).isEqualTo(200);
    return r.body().get("data");
  }

  private ApiClient.Response get(String path) {
    return t.get(t.appPath(app) + path);
  }

  private static List<String> ids(JsonNode participants) {
    List<String> ids = new ArrayList<>();
    participants.forEach(p -> ids.add(p.get("id").asText()));
    return ids;
  }

  // ---- one session --------------------------------------------------------------------------

  @Test
  void sessionDetailsAreTheSessionItself() {
    JsonNode s = ok("/sessions/s-main");
    assertThat(s.get("id").asText()).isEqualTo("s-main");
    assertThat(s.get("meeting_display_name").asText()).isEqualTo("Planning");
    assertThat(s.get("status").asText()).isEqualTo("LIVE");
    assertThat(s.get("live_participants").asInt()).isEqualTo(1);
    assertThat(s.get("max_concurrent_participants").asInt()).isEqualTo(3);
    // alice 10 + carol 1 + bob-phone 4 + bob-laptop 10 (running) = 25 minutes
    assertThat(s.get("minutes_consumed").decimalValue()).isEqualByComparingTo("25");
    assertThat(s.get("breakout_rooms")).isEmpty();
    JsonNode withRooms = ok("/sessions/s-main?include_breakout_rooms=true");
    assertThat(withRooms.get("breakout_rooms")).hasSize(1);
    assertThat(withRooms.get("breakout_rooms").get(0).get("id").asText()).isEqualTo("s-room");
    assertThat(withRooms.get("breakout_rooms").get(0).get("minutes_consumed").decimalValue())
        .isEqualByComparingTo(String.valueOf((300 + 50) / 60.0).substring(0, 6));
  }

  @Test
  void unknownSessionsAndSessionsOfOtherAppsAre404() {
    ApiClient.Response unknown = get("/sessions/nope");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("error").get("message").asText()).isEqualTo("session nope not found in app " + app);
    assertThat(t.get(t.appPath(t.newApp()) + "/sessions/s-main").status()).isEqualTo(404);
    assertThat(get("/sessions/s-main?include_breakout_rooms=yes").status()).isEqualTo(400);
  }

  // ---- participants -------------------------------------------------------------------------

  @Test
  void participantsArePagedInsideDataInJoinOrder() {
    JsonNode data = ok("/sessions/s-main/participants");
    assertThat(ids(data.get("participants"))).containsExactly("alice-1", "carol-1", "bob-phone", "bob-laptop");
    assertThat(data.get("paging").get("total_count").asInt()).isEqualTo(4);
    assertThat(data.get("paging").get("start_offset").asInt()).isEqualTo(1);
    assertThat(data.get("paging").get("end_offset").asInt()).isEqualTo(4);
    JsonNode page2 = ok("/sessions/s-main/participants?per_page=3&page_no=2");
    assertThat(ids(page2.get("participants"))).containsExactly("bob-laptop");
    assertThat(page2.get("paging").get("start_offset").asInt()).isEqualTo(4);
    JsonNode past = ok("/sessions/s-main/participants?per_page=3&page_no=3");
    assertThat(past.get("participants")).isEmpty();
    assertThat(past.get("paging").get("end_offset").asInt()).isZero();
    assertThat(ids(ok("/sessions/s-main/participants?sort_order=DESC").get("participants")))
        .containsExactly("bob-laptop", "bob-phone", "carol-1", "alice-1");
  }

  @Test
  void participantRowsCarryRunningDurations() {
    JsonNode rows = ok("/sessions/s-main/participants?sort_by=duration&sort_order=DESC").get("participants");
    // bob-laptop: 600 s running, alice-1: 600 s closed -> tie broken by peer id, descending.
    assertThat(ids(rows)).containsExactly("bob-laptop", "alice-1", "bob-phone", "carol-1");
    JsonNode laptop = rows.get(0);
    assertThat(laptop.get("duration").decimalValue()).isEqualByComparingTo("10");
    assertThat(laptop.has("left_at")).isFalse();
    JsonNode alice = rows.get(1);
    assertThat(alice.get("left_at").asText()).isEqualTo("2025-03-04T10:10:00.000Z");
    assertThat(alice.get("joined_at").asText()).isEqualTo("2025-03-04T10:00:00.000Z");
    assertThat(alice.get("custom_participant_id").asText()).isEqualTo("alice");
    assertThat(alice.get("user_id").asText()).isEqualTo("u-alice");
    assertThat(alice.get("preset_name").asText()).isEqualTo("host");
    assertThat(alice.get("display_name").asText()).isEqualTo("Alice");
    assertThat(alice.has("peer_events")).isFalse();
    t.clock.advance(Duration.ofMinutes(1));
    try {
      JsonNode later = ok("/sessions/s-main/participants/bob-laptop").get("participant");
      assertThat(later.get("duration").decimalValue()).isEqualByComparingTo("11");
    } finally {
      t.clock.advance(Duration.ofMinutes(-1));
    }
  }

  @Test
  void searchMatchesPeerIdCustomIdAndDisplayName() {
    assertThat(ids(ok("/sessions/s-main/participants?search=BOB").get("participants")))
        .containsExactly("bob-phone", "bob-laptop");
    assertThat(ids(ok("/sessions/s-main/participants?search=phone").get("participants")))
        .containsExactly("bob-phone");
    assertThat(ids(ok("/sessions/s-main/participants?search=carol-1").get("participants")))
        .containsExactly("carol-1");
    assertThat(ok("/sessions/s-main/participants?search=zzz").get("paging").get("total_count").asInt()).isZero();
  }

  @Test
  void peerEventsListJoinsAndLeavesWithTheirMinutes() {
    JsonNode rows = ok("/sessions/s-main/participants?include_peer_events=true").get("participants");
    JsonNode alice = rows.get(0).get("peer_events");
    assertThat(alice).hasSize(2);
    assertThat(alice.get(0).get("event_name").asText()).isEqualTo("PEER_JOINING");
    assertThat(alice.get(0).get("created_at").asText()).isEqualTo("2025-03-04T10:00:00.000Z");
    assertThat(alice.get(0).get("minutes_consumed").decimalValue()).isEqualByComparingTo("0");
    assertThat(alice.get(1).get("event_name").asText()).isEqualTo("PEER_LEAVING");
    assertThat(alice.get(1).get("minutes_consumed").decimalValue()).isEqualByComparingTo("10");
    assertThat(alice.get(1).get("peer_id").asText()).isEqualTo("alice-1");
    assertThat(alice.get(1).get("session_id").asText()).isEqualTo("s-main");
    JsonNode laptop = rows.get(3).get("peer_events");
    assertThat(laptop).hasSize(1);
    assertThat(laptop.get(0).get("event_name").asText()).isEqualTo("PEER_JOINING");
  }

  @Test
  void consolidatedViewAddsTheSameParticipantsBreakoutTime() {
    JsonNode raw = ok("/sessions/s-main/participants").get("participants").get(0);
    JsonNode consolidated = ok("/sessions/s-main/participants?view=consolidated").get("participants").get(0);
    assertThat(raw.get("id").asText()).isEqualTo("alice-1");
    assertThat(raw.get("duration").decimalValue()).isEqualByComparingTo("10");
    assertThat(consolidated.get("duration").decimalValue()).isEqualByComparingTo("15"); // + 300 s in the room
    assertThat(get("/sessions/s-main/participants?view=merged").status()).isEqualTo(400);
  }

  @Test
  void participantDetailsAndTheirErrors() {
    JsonNode p = ok("/sessions/s-main/participants/carol-1?include_peer_events=true").get("participant");
    assertThat(p.get("id").asText()).isEqualTo("carol-1");
    assertThat(p.get("duration").decimalValue()).isEqualByComparingTo("1");
    assertThat(p.get("peer_events")).hasSize(2);
    ApiClient.Response missing = get("/sessions/s-main/participants/dave-1");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("error").get("message").asText())
        .isEqualTo("participant dave-1 not found in session s-main");
    assertThat(get("/sessions/nope/participants/carol-1").status()).isEqualTo(404);
    assertThat(get("/sessions/nope/participants").status()).isEqualTo(404);
    assertThat(get("/sessions/s-main/participants?per_page=500").status()).isEqualTo(400);
    assertThat(get("/sessions/s-main/participants?sort_by=name").body().get("error").get("message").asText())
        .isEqualTo("sort_by must be one of joinedAt, duration, got \"name\"");
  }

  // ---- peer report --------------------------------------------------------------------------

  @Test
  void peerReportFindsThePeerAcrossSessions() {
    JsonNode p = ok("/sessions/peer-report/dave-1?include_peer_events=true").get("participant");
    assertThat(p.get("id").asText()).isEqualTo("dave-1");
    assertThat(p.get("session_id").asText()).isEqualTo("s-room");
    assertThat(p.has("role")).isFalse(); // dave joined without a preset
    assertThat(p.get("duration").decimalValue()).isEqualByComparingTo(String.valueOf(50 / 60.0).substring(0, 6));
    assertThat(p.get("peer_events")).hasSize(2);
    assertThat(p.get("peer_report").get("metadata").isObject()).isTrue();
    assertThat(p.get("peer_report").get("quality").isObject()).isTrue();
    ApiClient.Response missing = get("/sessions/peer-report/ghost");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("error").get("message").asText()).isEqualTo("peer ghost not found in app " + app);
    assertThat(get("/sessions/peer-report/dave-1?filters=nonsense").status()).isEqualTo(400);
  }

  // ---- active session and meeting updates ---------------------------------------------------

  @Test
  void activeSessionOfAMeeting() {
    JsonNode s = ok("/meetings/main/active-session");
    assertThat(s.get("id").asText()).isEqualTo("s-main");
    assertThat(s.get("breakout_rooms")).hasSize(1);
    ApiClient.Response none = get("/meetings/room/active-session");
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.body().get("error").get("message").asText()).isEqualTo("No active session found for meeting_id room");
    assertThat(get("/meetings/ghost/active-session").status()).isEqualTo(404);
  }

  @Test
  void meetingsArePatchedAndReplaced() {
    String path = t.appPath(app) + "/meetings";
    String id = t.client.postJson(path, t.adminToken, Map.of("title", "Old", "record_on_start", true,
        "session_keep_alive_time_in_secs", 90)).body().get("data").get("id").asText();
    ApiClient.Response patched = t.client.send("PATCH", path + "/" + id, t.adminToken,
        "{\"title\":\"New\",\"status\":\"INACTIVE\"}");
    assertThat(patched.status()).isEqualTo(200);
    JsonNode m = patched.body().get("data");
    assertThat(m.get("title").asText()).isEqualTo("New");
    assertThat(m.get("status").asText()).isEqualTo("INACTIVE");
    assertThat(m.get("record_on_start").asBoolean()).isTrue();
    assertThat(m.get("session_keep_alive_time_in_secs").asInt()).isEqualTo(90);
    assertThat(t.postEvents(app, new Events(BASE, "inactive").join(id, "x", 0).json()).status()).isEqualTo(422);

    ApiClient.Response replaced = t.client.send("PUT", path + "/" + id, t.adminToken, "{\"title\":\"Replaced\"}");
    assertThat(replaced.status()).isEqualTo(200);
    JsonNode r = replaced.body().get("data");
    assertThat(r.get("title").asText()).isEqualTo("Replaced");
    assertThat(r.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(r.get("record_on_start").asBoolean()).isFalse();
    assertThat(r.get("session_keep_alive_time_in_secs").asInt()).isEqualTo(60);
    assertThat(r.get("created_at").asText()).isEqualTo(m.get("created_at").asText());
    assertThat(t.get(path + "/" + id).body().get("data")).isEqualTo(r);

    assertThat(t.client.send("PATCH", path + "/" + id, t.adminToken, "{\"session_keep_alive_time_in_secs\":30}")
        .status()).isEqualTo(400);
    assertThat(t.client.send("PATCH", path + "/ghost", t.adminToken, "{}").status()).isEqualTo(404);
    ApiClient.Response cycle = t.client.send("PATCH", path + "/main", t.adminToken,
        "{\"parent_meeting_id\":\"room\"}");
    assertThat(cycle.status()).isEqualTo(400);
    assertThat(cycle.body().get("error").get("message").asText()).contains("a breakout room of itself");
  }

  static final class OnSqliteTest extends SessionFamilyApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static final class OnPostgresTest extends SessionFamilyApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
