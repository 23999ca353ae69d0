package dev.rtksessions.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.api.LiveKitPayloads;
import dev.rtksessions.model.LiveKitKey;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.NpmProject;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * LiveKit's webhooks as LiveKit's own server SDK makes them (npm {@code livekit-server-sdk},
 * pinned in compat/livekit: its {@code WebhookEvent} encoding and its {@code AccessToken} with the
 * {@code sha256} claim), posted to {@code .../webhooks/livekit} over a real socket on both stores:
 * the same history as LiveKit webhooks and through the events API gives the same sessions and
 * participants field by field (a leave delivered before its join, a delivery sent twice, proto
 * field names, an agent counted and an egress recorder not); and every bad signature is a 401
 * that records nothing.
 */
class LiveKitWebhooksSdkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "APIglobalKey";
  private static final String SECRET = "global-secret-0123456789abcdef0123456789";
  private static final long T = Instant.parse("2025-03-04T08:00:00Z").getEpochSecond();
  private static NpmProject sdk;

  @BeforeAll
  static void installSdk() {
    sdk = NpmProject.installed("livekit", "livekit-server-sdk");
  }

  /** One request for the node script: a WebhookEvent and how to sign it. */
  private static Map<String, Object> request(String name, Map<String, Object> event) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", name);
    r.put("apiKey", KEY);
    r.put("apiSecret", SECRET);
    r.put("event", event);
    return r;
  }

  private static Map<String, Object> event(String type, String id, long at, String room, Map<String, Object> p) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("event", type);
    e.put("id", id);
    e.put("createdAt", at);
    e.put("room", Map.of("name", room, "sid", "RM_" + room.hashCode()));
    if (p != null) {
      e.put("participant", p);
    }
    return e;
  }

  private static Map<String, Object> peer(String sid, String identity, String name, long joinedAt, int kind) {
    return Map.of("sid", sid, "identity", identity, "name", name, "joinedAt", joinedAt, "kind", kind);
  }

  /** Runs the SDK over the requests; returns name -> {body, authorization, contentType}. */
  private static JsonNode produce(List<Map<String, Object>> requests) throws Exception {
    JsonNode report = JSON.readTree(sdk.node("livekit-webhooks.mjs",
        Map.of("LIVEKIT_REQUESTS", JSON.writeValueAsString(requests)), Duration.ofSeconds(60)));
    assertThat(report.at("/sdk/version").asText()).startsWith("2.");
    return report.get("requests");
  }

  private static ApiClient.Response post(TestService t, String app, JsonNode request) {
    return post(t, app, request.get("body").asText(), request.get("authorization").asText());
  }

  private static ApiClient.Response post(TestService t, String app, String body, String authorization) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/webhook+json");
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return t.client.post(t.appPath(app) + "/webhooks/livekit", headers, body.getBytes(StandardCharsets.UTF_8));
  }

  private static TestService start(TestDatabases.Kind kind) {
    return TestService.start(kind, c -> c.withLiveKitKeys(Map.of(KEY, SECRET)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void liveKitWebhooksGiveTheSessionsTheEventsApiGives(TestDatabases.Kind kind) throws Exception {
    String weekly = "Weekly sync"; // not a valid id: its meeting id is a name-based UUID
    List<Map<String, Object>> requests = List.of(
        request("started", event("room_started", "EV_started", T, "standup", null)),
        request("alice", event("participant_joined", "EV_a1", T, "standup", peer("PA_alice", "alice", "Alice", T, 0))),
        request("agent", event("participant_joined", "EV_b1", T + 30, "standup",
            peer("PA_agent", "agent-1", "Helper", T + 30, 4))),
        request("egress", event("participant_joined", "EV_e1", T + 40, "standup",
            peer("EG_rec", "recorder", "", T + 40, 2))),
        request("agent_left", event("participant_left", "EV_b2", T + 600, "standup",
            peer("PA_agent", "agent-1", "Helper", T + 30, 4))),
        request("alice_aborted", event("participant_connection_aborted", "EV_a2", T + 900, "standup",
            peer("PA_alice", "alice", "Alice", T, 0))),
        request("finished", event("room_finished", "EV_f1", T + 930, "standup", null)),
        request("track", event("track_published", "EV_t1", T + 5, "standup", peer("PA_alice", "alice", "Alice", T, 0))),
        // A leave delivered before its join, and the join in proto field names.
        request("carol_left", event("participant_left", "EV_c2", T + 300, weekly,
            peer("PA_carol", "carol", "Carol", T + 100, 0))),
        with(request("carol", event("participant_joined", "EV_c1", T + 100, weekly,
            peer("PA_carol", "carol", "Carol", T + 100, 0))), "protoFieldNames", true),
        request("dan", event("participant_joined", "EV_d1", T + 2000, weekly, peer("PA_dan", "dan", "Dan", T + 2000, 0))),
        request("weekly_finished", event("room_finished", "EV_f2", T + 2100, weekly, null)));
    JsonNode produced = produce(requests);
    try (TestService t = start(kind)) {
      String viaLiveKit = t.newApp();
      String viaEvents = t.newApp();
      List<String> statuses = new ArrayList<>();
      for (Map<String, Object> r : requests) {
        JsonNode req = produced.get((String) r.get("name"));
        assertThat(req.get("contentType").asText()).isEqualTo("application/webhook+json");
        ApiClient.Response answer = post(t, viaLiveKit, req);
        assertThat(answer.status()).as("%s: %s", r.get("name"), answer.body()).isEqualTo(200);
        statuses.add(answer.body().at("/data/status").asText());
      }
      assertThat(statuses).containsExactly("applied", "applied", "applied", "ignored", "applied", "applied", "applied",
          "ignored", "held", "applied", "applied", "applied");
      // LiveKit sends again what it thinks failed: the same event id changes nothing.
      ApiClient.Response again = post(t, viaLiveKit, produced.get("alice"));
      assertThat(again.body().at("/data/status").asText()).isEqualTo("duplicate");
      assertThat(again.body().at("/data/delivery_id").asText()).isEqualTo("lk:EV_a1");

      String weeklyId = LiveKitPayloads.meetingId(weekly);
      assertThat(weeklyId).matches("[0-9a-f-]{36}");
      Events ev = new Events(Instant.ofEpochSecond(T), "x")
          .join("standup", "PA_alice", 0).with("custom_participant_id", "alice").with("display_name", "Alice")
          .with("meeting_title", "standup")
          .join("standup", "PA_agent", 30).with("custom_participant_id", "agent-1").with("display_name", "Helper")
          .leave("standup", "PA_agent", 600)
          .leave("standup", "PA_alice", 900)
          .end("standup", 930)
          .join(weeklyId, "PA_carol", 100).with("custom_participant_id", "carol").with("display_name", "Carol")
          .with("meeting_title", weekly)
          .leave(weeklyId, "PA_carol", 300)
          .join(weeklyId, "PA_dan", 2000).with("custom_participant_id", "dan").with("display_name", "Dan")
          .end(weeklyId, 2100);
      assertThat(t.postEvents(viaEvents, ev.json()).status()).isEqualTo(200);

      t.clock.set(Instant.ofEpochSecond(T).plus(Duration.ofDays(1)));
      JsonNode fromLiveKit = sessions(t, viaLiveKit);
      JsonNode fromEvents = sessions(t, viaEvents);
      assertThat(fromLiveKit).hasSize(3);
      assertThat(fromLiveKit.at("/0/max_concurrent_participants").asInt()).as("the agent counts, the recorder not")
          .isEqualTo(2);
      assertThat(fromLiveKit.at("/0/meeting_display_name").asText()).isEqualTo("standup");
      assertThat(fromLiveKit.at("/1/meeting_display_name").asText()).isEqualTo(weekly);
      for (int i = 0; i < fromLiveKit.size(); i++) {
        ObjectNode a = (ObjectNode) fromLiveKit.get(i).deepCopy();
        ObjectNode b = (ObjectNode) fromEvents.get(i).deepCopy();
        assertThat(a.remove("organization_id").asText()).isEqualTo(viaLiveKit);
        b.remove("organization_id");
        a.remove("id");
        b.remove("id"); // derived from the starting join's event id, which differs between the two
        assertThat(a).as("session %d", i).isEqualTo(b);
        assertThat(participants(t, viaLiveKit, fromLiveKit.get(i).get("id").asText()))
            .isEqualTo(participants(t, viaEvents, fromEvents.get(i).get("id").asText()));
      }
      assertThat(t.get(t.appPath(viaLiveKit) + "/meetings/" + weeklyId).body().at("/data/title").asText())
          .isEqualTo(weekly);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void everyBadSignatureIs401AndRecordsNothing(TestDatabases.Kind kind) throws Exception {
    Map<String, Object> join = event("participant_joined", "EV_1", T, "room", peer("PA_1", "u", "U", T, 0));
    Map<String, Object> unknownKey = request("unknown_key", join);
    unknownKey.put("apiKey", "APIunknown");
    Map<String, Object> wrongSecret = request("wrong_secret", join);
    wrongSecret.put("apiSecret", "not-the-secret-0123456789abcdef");
    Map<String, Object> expired = with(request("expired", join), "ttl", "-60s");
    Map<String, Object> ownKey = request("own_key", join);
    ownKey.put("apiKey", "APIownKey");
    ownKey.put("apiSecret", "own-secret-0123456789abcdef012345");
    JsonNode produced = produce(List.of(request("good", join), unknownKey, wrongSecret, expired, ownKey));
    try (TestService t = start(kind)) {
      String app = t.newApp();
      JsonNode good = produced.get("good");
      String body = good.get("body").asText();
      assertUnauthorized(post(t, app, body, null), "missing Authorization header");
      assertUnauthorized(post(t, app, produced.get("unknown_key")), "API key APIunknown is not a LiveKit key of app");
      assertUnauthorized(post(t, app, produced.get("wrong_secret")), "not signed with the secret of API key");
      assertUnauthorized(post(t, app, produced.get("expired")), "the token expired");
      assertUnauthorized(post(t, app, body.replace("PA_1", "PA_2"), good.get("authorization").asText()),
          "sha256 claim is not the SHA-256 of this body");
      assertUnauthorized(post(t, app, body, "not a jwt"), "not a JWT");
      assertUnauthorized(post(t, "no-such-app", good), "is not a LiveKit key of app no-such-app");
      assertThat(t.listSessions(app, "").body().at("/data/sessions")).isEmpty();

      // An app with its own key takes only that one; "Bearer " before the token is accepted too.
      String own = t.newApp();
      assertThat(t.service.stores().webhooks().setLiveKitKey(t.accountId, own,
          new LiveKitKey("APIownKey", "own-secret-0123456789abcdef012345"), 0)).isTrue();
      assertUnauthorized(post(t, own, good), "API key " + KEY + " is not a LiveKit key of app " + own);
      assertThat(post(t, own, produced.get("own_key").get("body").asText(),
          "Bearer " + produced.get("own_key").get("authorization").asText()).status()).isEqualTo(200);
      assertThat(post(t, app, good).body().at("/data/status").asText()).isEqualTo("applied");
      assertThat(t.listSessions(app, "").body().at("/data/sessions")).hasSize(1);
    }
  }

  private static Map<String, Object> with(Map<String, Object> request, String field, Object value) {
    request.put(field, value);
    return request;
  }

  private static void assertUnauthorized(ApiClient.Response r, String messagePart) {
    assertThat(r.status()).as("%s", r.body()).isEqualTo(401);
    assertThat(r.body().at("/errors/0/code").asInt()).isEqualTo(10000);
    assertThat(r.body().at("/error/message").asText()).contains(messagePart);
  }

  private static JsonNode sessions(TestService t, String app) {
    ApiClient.Response r = t.listSessions(app, "sort_order=ASC&per_page=200");
    assertThat(r.status()).isEqualTo(200);
    return r.body().at("/data/sessions");
  }

  private static JsonNode participants(TestService t, String app, String sessionId) {
    return t.get(t.appPath(app) + "/sessions/" + sessionId + "/participants?per_page=200").body()
        .at("/data/participants");
  }
}
