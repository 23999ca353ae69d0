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
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Apps and meetings (spec §5, the subset sessions need), once per store. */
abstract class CatalogApiTest extends PerStoreTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");

  @Test
  void appsAreCreatedAndListedPerAccount() {
    String account = "apps-account";
    String path = "/accounts/" + account + "/realtime/kit/apps";
    List<String> created = new ArrayList<>();
    for (String name : List.of("alpha video", "beta audio", "gamma video")) {
      t.clock.advance(java.time.Duration.ofSeconds(1));
      ApiClient.Response r = t.client.postJson(path, t.adminToken, Map.of("name", name));
      assertThat(r.status()).isEqualTo(200);
      JsonNode app = r.body().get("data").get("app");
      assertThat(app.get("name").asText()).isEqualTo(name);
      assertThat(app.get("id").asText()).matches("[0-9a-f-]{36}");
      created.add(app.get("id").asText());
    }
    JsonNode list = t.get(path).body();
    assertThat(list.get("data")).hasSize(3);
    assertThat(list.get("data").get(0).get("id").asText()).isEqualTo(created.get(2));
    assertThat(list.get("paging").get("total_count").asInt()).isEqualTo(3);
    JsonNode asc = t.get(path + "?sort_order=ASC&per_page=2&page_no=2").body();
    assertThat(asc.get("data").get(0).get("id").asText()).isEqualTo(created.get(2));
    assertThat(asc.get("paging").get("start_offset").asInt()).isEqualTo(3);
    JsonNode search = t.get(path + "?search=VIDEO").body();
    assertThat(search.get("paging").get("total_count").asInt()).isEqualTo(2);

    assertThat(t.client.postJson(path, t.adminToken, Map.of("name", "")).status()).isEqualTo(400);
    assertThat(t.client.postJson(path, t.adminToken, Map.of("title", "x")).body().get("error").get("message")
        .asText()).isEqualTo("name is required: 1-255 characters");
    assertThat(t.client.post(path, t.adminToken, "not json", "application/json").status()).isEqualTo(400);
    assertThat(t.get(path + "?page_no=0").body().get("data")).isEqualTo(list.get("data"));
  }

  @Test
  void meetingsAreCreatedReadAndListed() {
    String app = t.newApp();
    String path = t.appPath(app) + "/meetings";
    ApiClient.Response created = t.client.postJson(path, t.adminToken,
        Map.of("title", "Weekly sync", "session_keep_alive_time_in_secs", 120, "record_on_start", true));
    assertThat(created.status()).isEqualTo(201);
    JsonNode m = created.body().get("data");
    assertThat(m.get("title").asText()).isEqualTo("Weekly sync");
    assertThat(m.get("status").asText()).isEqualTo("ACTIVE");
    assertThat(m.get("session_keep_alive_time_in_secs").asInt()).isEqualTo(120);
    assertThat(m.get("record_on_start").asBoolean()).isTrue();
    assertThat(m.get("persist_chat").asBoolean()).isFalse();
    assertThat(m.has("parent_meeting_id")).isFalse();
    String id = m.get("id").asText();

    ApiClient.Response got = t.get(path + "/" + id);
    assertThat(got.status()).isEqualTo(200);
    assertThat(got.body().get("data")).isEqualTo(m);
    ApiClient.Response missing = t.get(path + "/nope");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body().get("error").get("message").asText()).isEqualTo("meeting nope not found in app " + app);

    ApiClient.Response child = t.client.postJson(path, t.adminToken, Map.of("title", "Room A", "parent_meeting_id", id));
    assertThat(child.status()).isEqualTo(201);
    assertThat(child.body().get("data").get("parent_meeting_id").asText()).isEqualTo(id);

    JsonNode list = t.get(path + "?search=sync").body();
    assertThat(list.get("data")).hasSize(1);
    assertThat(list.get("paging").get("total_count").asInt()).isEqualTo(1);
    t.client.postJson(path, t.adminToken, Map.of("title", "Closed room", "status", "INACTIVE"));
    assertThat(t.get(path + "?status=INACTIVE").body().get("data").get(0).get("title").asText())
        .isEqualTo("Closed room");
    assertThat(t.get(path + "?status=ACTIVE").body().get("paging").get("total_count").asInt()).isEqualTo(2);
    assertThat(t.get(path + "?status=CLOSED").status()).isEqualTo(400);
    String createdAt = m.get("created_at").asText();
    assertThat(t.get(path + "?start_time=" + createdAt + "&end_time=" + createdAt).body().get("paging")
        .get("total_count").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(t.get(path + "?end_time=2000-01-01").body().get("paging").get("total_count").asInt()).isZero();
    assertThat(t.get(path + "?start_time=2025-03-05&end_time=2025-03-04").status()).isEqualTo(400);
  }

  @Test
  void meetingBodiesAreValidated() {
    String path = t.appPath() + "/meetings";
    assertError(t.client.postJson(path, t.adminToken, Map.of("session_keep_alive_time_in_secs", 59)),
        "session_keep_alive_time_in_secs must be an integer between 60 and 600, got 59");
    assertError(t.client.postJson(path, t.adminToken, Map.of("session_keep_alive_time_in_secs", 601)),
        "session_keep_alive_time_in_secs must be an integer between 60 and 600, got 601");
    assertError(t.client.postJson(path, t.adminToken, Map.of("session_keep_alive_time_in_secs", "90")),
        "session_keep_alive_time_in_secs must be an integer between 60 and 600, got string");
    assertError(t.client.postJson(path, t.adminToken, Map.of("record_on_start", "yes")),
        "record_on_start must be true or false, got string");
    assertError(t.client.postJson(path, t.adminToken, Map.of("status", "PAUSED")),
        "status must be one of ACTIVE, INACTIVE, got \"PAUSED\"");
    assertError(t.client.postJson(path, t.adminToken, Map.of("parent_meeting_id", "ghost")),
        "parent_meeting_id must name a meeting of this app, got \"ghost\"");
  }

  private static void assertError(ApiClient.Response r, String message) {
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().get("error").get("message").asText()).isEqualTo(message);
  }

  @Test
  void theMeetingsKeepAliveDecidesWhenASessionEnds() {
    String app = t.newApp();
    String id = t.client.postJson(t.appPath(app) + "/meetings", t.adminToken,
        Map.of("session_keep_alive_time_in_secs", 300)).body().get("data").get("id").asText();
    Events ev = new Events(BASE).join(id, "a", 0).leave(id, "a", 60).join(id, "b", 350).leave(id, "b", 400);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(400 + 300));
    JsonNode body = t.listSessions(app, "").body();
    assertThat(body.get("paging").get("total_count").asInt()).isEqualTo(1);
    assertThat(body.get("data").get("sessions").get(0).get("status").asText()).isEqualTo("LIVE");
    t.clock.set(BASE.plusSeconds(400 + 301));
    assertThat(t.listSessions(app, "").body().get("data").get("sessions").get(0).get("status").asText())
        .isEqualTo("ENDED");
  }

  @Test
  void anInactiveMeetingRefusesJoins() {
    String app = t.newApp();
    String id = t.client.postJson(t.appPath(app) + "/meetings", t.adminToken, Map.of("status", "INACTIVE"))
        .body().get("data").get("id").asText();
    ApiClient.Response r = t.postEvents(app, new Events(BASE).join(id, "a", 0).json());
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.body().get("error").get("message").asText()).contains("is INACTIVE and refuses joins");
  }

  static final class OnSqliteTest extends CatalogApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static final class OnPostgresTest extends CatalogApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
