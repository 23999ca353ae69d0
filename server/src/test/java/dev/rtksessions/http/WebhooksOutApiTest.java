package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.engine.WebhookSender;
import dev.rtksessions.engine.WebhookSignature;
import dev.rtksessions.model.Permission;
import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.WebhookReceiver;
import dev.rtksessions.testing.WebhookReceiver.Received;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RealtimeKit's webhooks out, through real sockets on both stores: Cloudflare's webhooks API,
 * and the deliveries a receiver on a socket gets for what the engine records (payloads,
 * headers, signatures, order), for sessions that end by their keep-alive, and through failures
 * (error statuses, timeouts, refused connections), with a short retry schedule.
 */
abstract class WebhooksOutApiTest extends PerStoreTest {
  static final Duration TIMEOUT = Duration.ofMillis(700);
  static final List<Duration> RETRIES = List.of(Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(400));
  static final Instant BASE = Instant.parse("2025-03-04T08:00:00Z");
  WebhookReceiver receiver;

  @Override
  protected ServiceConfig configure(ServiceConfig config) {
    return config.withWebhooksOut(new WebhookSender.Policy(TIMEOUT, RETRIES, List.of()));
  }

  @BeforeEach
  void receiver() throws Exception {
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private String webhooks(String app) {
    return t.appPath(app) + "/webhooks";
  }

  private JsonNode create(String app, Map<String, Object> body) {
    ApiClient.Response r = t.client.postJson(webhooks(app), t.adminToken, body);
    assertThat(r.status()).as("%s", r.body()).isEqualTo(201);
    return r.body().get("data");
  }

  private String subscribe(String app, String url, List<String> events) {
    return create(app, Map.of("name", "hook", "url", url, "events", events)).get("id").asText();
  }

  private static List<String> all() {
    return List.of("meeting.started", "meeting.ended", "meeting.participantJoined", "meeting.participantLeft");
  }

  private void post(String app, Events events) {
    ApiClient.Response r = t.postEvents(app, events.json());
    assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
  }

  private JsonNode deliveries(String app, String webhookId) {
    ApiClient.Response r = t.get(webhooks(app) + "/" + webhookId + "/deliveries");
    assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
    return r.body();
  }

  private static void assertError(ApiClient.Response r, int status, String messagePart) {
    assertThat(r.status()).as("%s", r.body()).isEqualTo(status);
    assertThat(r.body().at("/error/message").asText()).contains(messagePart);
  }

  // ---- the API ------------------------------------------------------------------------------

  @Test
  void theApiCreatesReadsEditsReplacesAndDeletesWebhooks() {
    String app = t.newApp();
    JsonNode created = create(app, Map.of("name", "All events", "url", "https://example.com/hook",
        "events", List.of("meeting.started", "recording.statusUpdate", "meeting.started")));
    String id = created.get("id").asText();
    assertThat(id).matches("[0-9a-f-]{36}");
    assertThat(created.get("name").asText()).isEqualTo("All events");
    assertThat(created.get("url").asText()).isEqualTo("https://example.com/hook");
    assertThat(created.get("events")).hasSize(2); // repeats dropped
    assertThat(created.get("enabled").asBoolean()).isTrue();
    assertThat(created.get("created_at").asText()).isEqualTo(created.get("updated_at").asText());

    assertThat(t.get(webhooks(app)).body().get("data")).hasSize(1);
    assertThat(t.get(webhooks(app) + "/" + id).body().at("/data/name").asText()).isEqualTo("All events");

    ApiClient.Response edited = t.client.send("PATCH", webhooks(app) + "/" + id, t.adminToken,
        "{\"enabled\": false}", "application/json");
    assertThat(edited.status()).isEqualTo(200);
    assertThat(edited.body().at("/data/enabled").asBoolean()).isFalse();
    assertThat(edited.body().at("/data/name").asText()).isEqualTo("All events");

    ApiClient.Response replaced = t.client.send("PUT", webhooks(app) + "/" + id, t.adminToken,
        "{\"name\": \"joins\", \"url\": \"http://10.0.0.1:9000/x\", \"events\": [\"meeting.participantJoined\"]}",
        "application/json");
    assertThat(replaced.status()).as("%s", replaced.body()).isEqualTo(200);
    assertThat(replaced.body().at("/data/enabled").asBoolean()).isTrue(); // PUT: enabled defaults to true
    assertThat(replaced.body().at("/data/events/0").asText()).isEqualTo("meeting.participantJoined");

    ApiClient.Response deleted = t.client.send("DELETE", webhooks(app) + "/" + id, t.adminToken, null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body().at("/data/id").asText()).isEqualTo(id);
    assertError(t.get(webhooks(app) + "/" + id), 404, "webhook " + id + " not found in app " + app);
    assertThat(t.get(webhooks(app)).body().get("data")).isEmpty();

    assertThat(t.get(webhooks(app) + "/all").body().get("data")).hasSize(9);
  }

  @Test
  void badRequestsAreRefusedNamingTheField() {
    String app = t.newApp();
    String path = webhooks(app);
    assertError(t.client.postJson(path, t.adminToken, Map.of("url", "https://a.example", "events",
        List.of("meeting.ended"))), 400, "name is required");
    assertError(t.client.postJson(path, t.adminToken, Map.of("name", "n", "events", List.of("meeting.ended"))), 400,
        "url is required");
    assertError(t.client.postJson(path, t.adminToken, Map.of("name", "n", "url", "https://a.example")), 400,
        "events is required");
    assertError(t.client.postJson(path, t.adminToken, Map.of("name", "n", "url", "ftp://a.example/x", "events",
        List.of("meeting.ended"))), 400, "url must be an absolute http:// or https:// URL");
    assertError(t.client.postJson(path, t.adminToken, Map.of("name", "n", "url", "not a url", "events",
        List.of("meeting.ended"))), 400, "url must be an absolute http:// or https:// URL");
    assertError(t.client.postJson(path, t.adminToken, Map.of("name", "n", "url", "https://a.example", "events",
        List.of("meeting.ended", "meeting.exploded"))), 400, "events[1] must be one of meeting.started");
    assertError(t.client.postJson(path, t.adminToken, Map.of("name", "n", "url", "https://a.example", "events",
        List.of())), 400, "events must be a non-empty array");
    assertError(t.client.postJson(path, t.adminToken, Map.of("name", "n", "url", "https://a.example", "events",
        List.of("meeting.ended"), "enabled", "yes")), 400, "enabled must be true or false");
    assertError(t.get(path + "/no-such-webhook"), 404, "webhook no-such-webhook not found");
    assertThat(t.get(path).body().get("data")).isEmpty();
  }

  @Test
  void readersReadAndOnlyAdminsWrite() {
    String app = t.newApp();
    String id = subscribe(app, "https://example.com/h", List.of("meeting.ended"));
    String reader = t.service.tokens().create(t.accountId, Permission.REALTIME, "reader").secret();
    assertThat(t.client.get(webhooks(app), reader).status()).isEqualTo(200);
    assertThat(t.client.get(webhooks(app) + "/" + id + "/deliveries", reader).status()).isEqualTo(200);
    assertError(t.client.postJson(webhooks(app), reader, Map.of("name", "n", "url", "https://a.example", "events",
        List.of("meeting.ended"))), 403, "needs Realtime Admin");
    assertError(t.client.send("DELETE", webhooks(app) + "/" + id, reader, null), 403, "needs Realtime Admin");
    assertThat(t.client.get(webhooks(app), null).status()).isEqualTo(401);
  }

  @Test
  void anAppHasAtMostTwentyWebhooks() {
    String app = t.newApp();
    for (int i = 0; i < 20; i++) {
      subscribe(app, "https://example.com/" + i, List.of("meeting.ended"));
    }
    assertError(t.client.postJson(webhooks(app), t.adminToken, Map.of("name", "n", "url", "https://a.example",
        "events", List.of("meeting.ended"))), 400, "has 20 webhooks already");
    assertThat(t.get(webhooks(app)).body().get("data")).hasSize(20);
  }

  // ---- deliveries ---------------------------------------------------------------------------

  @Test
  void everyRecordedChangeIsSentSignedAndInOrder() throws Exception {
    String app = t.newApp();
    String all = subscribe(app, receiver.url(), all());
    WebhookReceiver joinsOnly = WebhookReceiver.start();
    WebhookReceiver disabled = WebhookReceiver.start();
    try {
      subscribe(app, joinsOnly.url(), List.of("meeting.participantJoined"));
      create(app, Map.of("name", "off", "url", disabled.url(), "events", all(), "enabled", false));
      post(app, new Events(BASE).join("standup", "p1", 0).with("session_id", "s-1").with("meeting_title", "Standup")
          .with("display_name", "Alice").with("custom_participant_id", "alice")
          .join("standup", "p2", 30).with("display_name", "Bob")
          .leave("standup", "p2", 600)
          .end("standup", 900));

      List<Received> got = receiver.await(r -> r.size() >= 5, Duration.ofSeconds(10));
      assertThat(got).extracting(Received::event).containsExactly("meeting.started", "meeting.participantJoined",
          "meeting.participantJoined", "meeting.participantLeft", "meeting.ended");
      PublicKey key = WebhookSignature.parsePem(t.client.get("/realtime/kit/webhook-signing-key", null).body()
          .at("/data/public_key").asText());
      Set<String> ids = new HashSet<>();
      for (Received r : got) {
        assertThat(WebhookSignature.verify(key, r.body(), r.header("rtk-signature"))).as("signature").isTrue();
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.header("rtk-webhook-id")).isEqualTo(all);
        ids.add(r.header("rtk-uuid"));
        assertThat(r.json().at("/meeting/id").asText()).isEqualTo("standup");
        assertThat(r.json().at("/meeting/sessionId").asText()).isEqualTo("s-1");
        assertThat(r.json().at("/meeting/title").asText()).isEqualTo("Standup");
      }
      assertThat(ids).hasSize(5);
      assertThat(got.get(0).json().at("/meeting/startedAt").asText()).isEqualTo("2025-03-04T08:00:00.000Z");
      JsonNode alice = got.get(1).json().get("participant");
      assertThat(alice.get("peerId").asText()).isEqualTo("p1");
      assertThat(alice.get("userDisplayName").asText()).isEqualTo("Alice");
      assertThat(alice.get("customParticipantId").asText()).isEqualTo("alice");
      assertThat(alice.get("joinedAt").asText()).isEqualTo("2025-03-04T08:00:00.000Z");
      JsonNode bobLeft = got.get(3).json().get("participant");
      assertThat(bobLeft.get("joinedAt").asText()).isEqualTo("2025-03-04T08:00:30.000Z");
      assertThat(bobLeft.get("leftAt").asText()).isEqualTo("2025-03-04T08:10:00.000Z");
      assertThat(bobLeft.get("userDisplayName").asText()).isEqualTo("Bob");
      assertThat(got.get(4).json().at("/meeting/endedAt").asText()).isEqualTo("2025-03-04T08:15:00.000Z");
      assertThat(got.get(4).json().get("reason").asText()).isEqualTo("HOST_ENDED_MEETING");

      assertThat(joinsOnly.await(r -> r.size() >= 2, Duration.ofSeconds(10))).extracting(Received::event)
          .containsOnly("meeting.participantJoined");
      JsonNode list = deliveries(app, all);
      assertThat(list.at("/paging/total_count").asInt()).isEqualTo(5);
      assertThat(list.at("/data/0/event").asText()).isEqualTo("meeting.ended"); // newest first
      Thread.sleep(500);
      assertThat(disabled.received()).isEmpty();
      assertThat(receiver.received()).hasSize(5);
    } finally {
      joinsOnly.close();
      disabled.close();
    }
  }

  @Test
  void aPayloadWithEveryFieldAtItsLongestIsUnder8KiB() throws Exception {
    String app = t.newApp();
    subscribe(app, receiver.url(), List.of("meeting.participantJoined"));
    String id = "i".repeat(64);
    String longest = "\u20ac".repeat(255); // three bytes each in UTF-8
    post(app, new Events(BASE, "x").join(id, id, 0).with("session_id", id).with("meeting_title", "\u20ac".repeat(1024))
        .with("display_name", longest).with("custom_participant_id", longest));
    Received r = receiver.await(got -> got.size() == 1, Duration.ofSeconds(10)).get(0);
    assertThat(r.json().at("/participant/userDisplayName").asText()).isEqualTo(longest);
    assertThat(r.body().length).isGreaterThan(4 * 1024).isLessThan(8 * 1024);
  }

  @Test
  void aSessionThatEndsByItsKeepAliveSendsMeetingEndedWithinFiveSeconds() throws Exception {
    String app = t.newApp();
    subscribe(app, receiver.url(), List.of("meeting.ended"));
    Instant start = t.clock.instant().plusSeconds(3600);
    post(app, new Events(start).join("m", "p1", 0).leave("m", "p1", 120));
    Instant end = start.plusSeconds(120 + 60); // the last leave plus the keep-alive
    t.clock.set(end);
    Thread.sleep(1500);
    assertThat(receiver.received()).as("still in the keep-alive window").isEmpty();
    t.clock.set(end.plusMillis(1));
    long moved = System.nanoTime();
    Received ended = receiver.await(r -> r.size() == 1, Duration.ofSeconds(5)).get(0);
    assertThat(Duration.ofNanos(ended.atNanos() - moved)).isLessThan(Duration.ofSeconds(5));
    assertThat(ended.json().get("reason").asText()).isEqualTo("ALL_PARTICIPANTS_LEFT");
    assertThat(ended.json().at("/meeting/endedAt").asText()).isEqualTo(start.plusSeconds(120).toString()
        .replace("Z", ".000Z"));
    Thread.sleep(1500);
    assertThat(receiver.received()).as("sent once").hasSize(1);
  }

  @Test
  void errorsTimeoutsAndRefusedConnectionsAreRetriedWithTheSameDeliveryId() throws Exception {
    String app = t.newApp();
    String id = subscribe(app, receiver.url(), List.of("meeting.participantJoined"));
    AtomicInteger calls = new AtomicInteger();
    receiver.answer(r -> switch (calls.incrementAndGet()) {
      case 1 -> 500;
      case 2 -> WebhookReceiver.HANG;
      default -> 204;
    });
    post(app, new Events(BASE).join("m", "p1", 0));
    List<Received> got = receiver.await(r -> r.size() >= 3, Duration.ofSeconds(10));
    assertThat(got).extracting(r -> r.header("rtk-uuid")).containsOnly(got.get(0).header("rtk-uuid"));
    assertThat(Duration.ofNanos(got.get(2).atNanos() - got.get(1).atNanos())).isGreaterThanOrEqualTo(TIMEOUT);
    awaitStatus(app, id, "sent");
    JsonNode d = deliveries(app, id).at("/data/0");
    assertThat(d.get("attempts").asInt()).isEqualTo(3);
    assertThat(d.get("last_status_code").asInt()).isEqualTo(204);

    // Refused connections: the receiver is down for the first attempts, then back.
    receiver.stop();
    post(app, new Events(BASE, "r").join("m2", "p2", 0));
    Thread.sleep(300);
    receiver.restart();
    receiver.answer(r -> 200);
    receiver.await(r -> r.size() >= 4, Duration.ofSeconds(10));
    awaitStatus(app, id, "sent");
    JsonNode refused = deliveries(app, id).at("/data/0");
    assertThat(refused.get("meeting_id").asText()).isEqualTo("m2");
    assertThat(refused.get("attempts").asInt()).isGreaterThan(1);
  }

  @Test
  void aDeliveryFailsAfterTheLastRetry() throws Exception {
    String app = t.newApp();
    String id = subscribe(app, receiver.url(), List.of("meeting.participantJoined"));
    receiver.answer(r -> 503);
    post(app, new Events(BASE).join("m", "p1", 0));
    receiver.await(r -> r.size() >= 1 + RETRIES.size(), Duration.ofSeconds(10));
    awaitStatus(app, id, "failed");
    JsonNode d = deliveries(app, id).at("/data/0");
    assertThat(d.get("attempts").asInt()).isEqualTo(1 + RETRIES.size());
    assertThat(d.get("last_error").asText()).contains("503");
    Thread.sleep(800);
    assertThat(receiver.received()).hasSize(1 + RETRIES.size());
  }

  @Test
  void aDeadReceiverSlowsNeitherIngestionNorOtherReceivers() throws Exception {
    String app = t.newApp();
    receiver.answer(r -> WebhookReceiver.HANG);
    subscribe(app, receiver.url(), List.of("meeting.participantJoined"));
    WebhookReceiver healthy = WebhookReceiver.start();
    try {
      subscribe(app, healthy.url(), List.of("meeting.participantJoined"));
      List<Long> answerMillis = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        long started = System.nanoTime();
        post(app, new Events(BASE, "b" + i + "-").join("meeting-" + i, "p", 0));
        answerMillis.add((System.nanoTime() - started) / 1_000_000);
      }
      assertThat(answerMillis).allMatch(ms -> ms < 1000);
      healthy.await(r -> r.size() == 20, Duration.ofSeconds(5));
    } finally {
      healthy.close();
    }
  }

  private void awaitStatus(String app, String webhookId, String status) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!deliveries(app, webhookId).at("/data/0/status").asText().equals(status)) {
      assertThat(System.nanoTime()).as("delivery status %s in time", status).isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  static class OnSqliteTest extends WebhooksOutApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static class OnPostgresTest extends WebhooksOutApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
