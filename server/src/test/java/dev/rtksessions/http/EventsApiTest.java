package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.TestDatabases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST .../events (spec §6.1) through a real socket, once per store. */
abstract class EventsApiTest extends PerStoreTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");

  @BeforeAll
  void setClock() {
    t.clock.set(BASE.plusSeconds(3600));
  }

  private JsonNode sessions(String app) {
    ApiClient.Response r = t.listSessions(app, "sort_order=ASC&per_page=200");
    assertThat(r.status()).isEqualTo(200);
    return r.body();
  }

  private static List<String> statuses(JsonNode results) {
    List<String> s = new ArrayList<>();
    results.forEach(r -> s.add(r.get("status").asText()));
    return s;
  }

  @Test
  void answersPerEventOutcomesAndIgnoresRepeatedIds() {
    String app = t.newApp();
    String batch = new Events(BASE).join("m", "a", 0).join("m", "b", 10).leave("m", "a", 70).json();
    ApiClient.Response first = t.postEvents(app, batch);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body().get("data").get("applied").asInt()).isEqualTo(3);
    assertThat(statuses(first.body().get("data").get("results"))).containsExactly("applied", "applied", "applied");
    JsonNode before = sessions(app);

    ApiClient.Response again = t.postEvents(app, batch);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().get("data").get("applied").asInt()).isZero();
    assertThat(again.body().get("data").get("duplicates").asInt()).isEqualTo(3);
    assertThat(statuses(again.body().get("data").get("results")))
        .containsExactly("duplicate", "duplicate", "duplicate");
    assertThat(sessions(app)).isEqualTo(before);
  }

  @Test
  void aRepeatedIdInsideOneBatchCountsOnce() {
    String app = t.newApp();
    String body = "[" + String.join(",",
        "{\"id\":\"x\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\",\"at\":\"2025-03-04T10:00:00Z\"}",
        "{\"id\":\"x\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"b\",\"at\":\"2025-03-04T10:00:00Z\"}")
        + "]";
    ApiClient.Response r = t.postEvents(app, body);
    assertThat(statuses(r.body().get("data").get("results"))).containsExactly("applied", "duplicate");
    assertThat(sessions(app).get("data").get("sessions").get(0).get("max_concurrent_participants").asInt())
        .isEqualTo(1);
  }

  @Test
  void aLeaveWithoutAJoinIs422AndTheBatchChangesNothing() {
    String app = t.newApp();
    String batch = new Events(BASE).join("m", "a", 0).leave("m", "ghost", 10).json();
    ApiClient.Response r = t.postEvents(app, batch);
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body().get("error").get("code").asInt()).isEqualTo(422);
    assertThat(r.body().get("error").get("message").asText())
        .contains("e1").contains("peer ghost has no join in meeting m");
    assertThat(statuses(r.body().get("results"))).containsExactly("not_applied", "rejected");
    assertThat(sessions(app).get("paging").get("total_count").asInt()).isZero();
    // Nothing was recorded: the same ids are fresh afterwards.
    ApiClient.Response retry = t.postEvents(app, new Events(BASE).join("m", "a", 0).json());
    assertThat(statuses(retry.body().get("data").get("results"))).containsExactly("applied");
  }

  @Test
  void aLeaveBeforeItsPeersJoinIs422() {
    String app = t.newApp();
    assertThat(t.postEvents(app, new Events(BASE).join("m", "a", 100).json()).status()).isEqualTo(200);
    ApiClient.Response r = t.postEvents(app, new Events(BASE, "late").leave("m", "a", 50).json());
    assertThat(r.status()).isEqualTo(422);
    // A leave in another meeting does not count either.
    ApiClient.Response other = t.postEvents(app, new Events(BASE, "other").leave("m2", "a", 150).json());
    assertThat(other.status()).isEqualTo(422);
  }

  @Test
  void aJoinAndItsLeaveMayArriveInOneBatchInAnyOrder() {
    String app = t.newApp();
    String batch = new Events(BASE).leave("m", "a", 60).join("m", "a", 0).json();
    assertThat(t.postEvents(app, batch).status()).isEqualTo(200);
    JsonNode s = sessions(app).get("data").get("sessions").get(0);
    assertThat(s.get("minutes_consumed").decimalValue()).isEqualByComparingTo("1");
    assertThat(s.get("status").asText()).isEqualTo("ENDED");
  }

  @Test
  void sessionEndedEndsTheLiveSessionAtItsTime() {
    String app = t.newApp();
    String batch = new Events(BASE).join("m", "a", 0).join("m", "b", 0).end("m", 120).json();
    assertThat(t.postEvents(app, batch).status()).isEqualTo(200);
    JsonNode s = sessions(app).get("data").get("sessions").get(0);
    assertThat(s.get("status").asText()).isEqualTo("ENDED");
    assertThat(s.get("ended_at").asText()).isEqualTo("2025-03-04T10:02:00.000Z");
    assertThat(s.get("minutes_consumed").decimalValue()).isEqualByComparingTo("4");
    assertThat(s.get("live_participants").asInt()).isZero();
  }

  @Test
  void aSessionIdUsedByAnotherSessionIs409() {
    String app = t.newApp();
    assertThat(t.postEvents(app, new Events(BASE).join("m1", "a", 0).with("session_id", "taken").json()).status())
        .isEqualTo(200);
    ApiClient.Response r = t.postEvents(app, new Events(BASE, "x").join("m2", "b", 10).with("session_id", "taken")
        .json());
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.body().get("error").get("message").asText()).contains("session_id already used");
    assertThat(sessions(app).get("paging").get("total_count").asInt()).isEqualTo(1);
  }

  @Test
  void ndjsonIsAccepted() {
    String app = t.newApp();
    String ndjson = """
        {"id":"n1","type":"participant.joined","meeting_id":"m","peer_id":"a","at":"2025-03-04T10:00:00Z"}

        {"id":"n2","type":"participant.left","meeting_id":"m","peer_id":"a","at":"2025-03-04T10:00:30.5+00:00"}
        """;
    ApiClient.Response r = t.client.post(t.appPath(app) + "/events", t.adminToken, ndjson, "application/x-ndjson");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("data").get("applied").asInt()).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\",\"at\":\"2025-03-04T10:00:00Z\"}|id is required",
      "{\"id\":\"e\",\"type\":\"joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\",\"at\":\"2025-03-04T10:00:00Z\"}|type must be one of participant.joined, participant.left, session.ended, got \"joined\"",
      "{\"id\":\"e\",\"type\":\"participant.joined\",\"peer_id\":\"a\",\"at\":\"2025-03-04T10:00:00Z\"}|meeting_id is required",
      "{\"id\":\"e\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"at\":\"2025-03-04T10:00:00Z\"}|peer_id is required for participant.joined",
      "{\"id\":\"e\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\",\"at\":\"10:00\"}|at must be an RFC 3339 timestamp",
      "{\"id\":\"e\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\"}|at is required",
      "{\"id\":\"e e\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\",\"at\":\"2025-03-04T10:00:00Z\"}|id must be 1-64 characters of A-Z a-z 0-9 . _ : -",
      "{\"id\":7,\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\",\"at\":\"2025-03-04T10:00:00Z\"}|id must be a string, got number",
      "{\"id\":\"e\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\",\"at\":\"2025-03-04T10:00:00Z\",\"meta\":[1]}|meta must be a JSON object, got array",
      "{\"id\":\"e\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\",\"at\":\"2025-03-04T10:00:00Z\",\"session_type\":\"webinar\"}|session_type must be one of meeting, livestream, participant",
      "\"just a string\"|an event must be a JSON object",
  })
  void malformedEventsAre400WithTheirPosition(String event, String message) {
    String app = t.newApp();
    String valid = "{\"id\":\"ok\",\"type\":\"participant.joined\",\"meeting_id\":\"m\",\"peer_id\":\"a\","
        + "\"at\":\"2025-03-04T10:00:00Z\"}";
    ApiClient.Response r = t.postEvents(app, "[" + valid + "," + event + "]");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("error").get("message").asText()).startsWith("event 1: ").contains(message);
    assertThat(r.body().get("results").get(0).get("index").asInt()).isEqualTo(1);
    assertThat(sessions(app).get("paging").get("total_count").asInt()).isZero();
  }

  @Test
  void bodyErrors() {
    String app = t.newApp();
    String path = t.appPath(app) + "/events";
    ApiClient.Response notJson = t.client.post(path, t.adminToken, "{oops", "application/json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().get("error").get("message").asText()).startsWith("the body must be a JSON array");
    ApiClient.Response object = t.client.post(path, t.adminToken, "{}", "application/json");
    assertThat(object.status()).isEqualTo(400);
    ApiClient.Response empty = t.client.post(path, t.adminToken, "[]", "application/json");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body().get("error").get("message").asText()).isEqualTo("the body must hold at least one event");
    ApiClient.Response text = t.client.post(path, t.adminToken, "[]", "text/plain");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.body().get("error").get("message").asText()).contains("got text/plain");

    Events many = new Events(BASE);
    for (int i = 0; i < 1001; i++) {
      many.join("m", "p" + i, i);
    }
    ApiClient.Response tooMany = t.postEvents(app, many.json());
    assertThat(tooMany.status()).isEqualTo(413);
    assertThat(tooMany.body().get("error").get("message").asText())
        .isEqualTo("a batch holds at most 1000 events, got 1001");
    ApiClient.Response huge = t.client.post(path, t.adminToken, "[" + " ".repeat(9 * 1024 * 1024) + "]",
        "application/json");
    assertThat(huge.status()).as("%s", huge.raw().body()).isEqualTo(413);
  }

  @Test
  void aBatchOfAThousandIsAccepted() {
    String app = t.newApp();
    Events ev = new Events(BASE);
    for (int i = 0; i < 500; i++) {
      ev.join("m" + (i % 50), "p" + i, i).leave("m" + (i % 50), "p" + i, i + 30);
    }
    ApiClient.Response r = t.postEvents(app, ev.json());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("data").get("applied").asInt()).isEqualTo(1000);
    assertThat(sessions(app).get("paging").get("total_count").asInt()).isEqualTo(50);
  }

  @Test
  void meetingsAreCreatedOnTheFlyWithTheirTitle() {
    String app = t.newApp();
    assertThat(t.postEvents(app, new Events(BASE).join("room", "a", 0).with("meeting_title", "Room 1").json())
        .status()).isEqualTo(200);
    ApiClient.Response m = t.get(t.appPath(app) + "/meetings/room");
    assertThat(m.status()).isEqualTo(200);
    assertThat(m.body().get("data").get("title").asText()).isEqualTo("Room 1");
    assertThat(m.body().get("data").get("status").asText()).isEqualTo("ACTIVE");
    assertThat(m.body().get("data").get("session_keep_alive_time_in_secs").asInt()).isEqualTo(60);
  }

  static final class OnSqliteTest extends EventsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static final class OnPostgresTest extends EventsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
