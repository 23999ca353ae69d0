package dev.rtksessions.http;

import static dev.rtksessions.testing.RtkWebhooks.ended;
import static dev.rtksessions.testing.RtkWebhooks.joined;
import static dev.rtksessions.testing.RtkWebhooks.left;
import static dev.rtksessions.testing.RtkWebhooks.meeting;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.api.Json;
import dev.rtksessions.engine.WebhookSignature;
import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.RtkWebhooks;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * POST .../webhooks/realtimekit (spec §6.2) through a real socket, once per store: payloads
 * shaped like RealtimeKit's, signed with a key pair made here, verified with its public key
 * (configured service-wide, or per app through the store).
 */
abstract class WebhooksApiTest extends PerStoreTest {
  static final Instant BASE = Instant.parse("2025-03-04T08:00:00Z");
  static final KeyPair GLOBAL = RtkWebhooks.newKeyPair();
  RtkWebhooks rtk;

  @Override
  protected ServiceConfig configure(ServiceConfig config) {
    return config.withWebhookPublicKey(GLOBAL.getPublic());
  }

  @BeforeAll
  void sender() {
    rtk = new RtkWebhooks(t.client, GLOBAL.getPrivate());
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }

  static String at(double seconds) {
    return BASE.plusMillis(Math.round(seconds * 1000)).toString();
  }

  private ApiClient.Response deliver(String app, String payload) {
    return rtk.deliver(t.appPath(app), uuid(), payload);
  }

  private void applied(String app, String payload) {
    ApiClient.Response r = deliver(app, payload);
    assertThat(r.status()).as("webhook answer %s to %s", r.body(), payload).isEqualTo(200);
    assertThat(r.body().at("/data/status").asText()).as("%s", r.body()).isEqualTo("applied");
  }

  private JsonNode sessions(String app) {
    ApiClient.Response r = t.listSessions(app, "sort_order=ASC&per_page=200");
    assertThat(r.status()).isEqualTo(200);
    return r.body().at("/data/sessions");
  }

  private static String withParticipantField(String payload, String field, String value) {
    try {
      ObjectNode root = (ObjectNode) Json.MAPPER.readTree(payload);
      ((ObjectNode) root.get("participant")).put(field, value);
      return RtkWebhooks.json(root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertAuthError(ApiClient.Response r, String messagePart) {
    assertThat(r.status()).as("%s", r.body()).isEqualTo(401);
    assertThat(r.body().at("/errors/0/code").asInt()).isEqualTo(10000);
    assertThat(r.body().at("/error/message").asText()).startsWith("Authentication error: ").contains(messagePart);
  }

  // ---- the same engine as the events API ----------------------------------------------------

  @Test
  void aWholeMeetingThroughWebhooksEqualsTheSameHistoryThroughTheEventsApi() {
    String viaWebhooks = t.newApp();
    String viaEvents = t.newApp();
    String m = uuid();
    String s1 = uuid();
    String s2 = uuid();
    String a = uuid();
    String b = uuid();
    String c = uuid();
    String d = uuid();
    ObjectNode first = meeting(m, s1, "Weekly sync");
    ObjectNode second = meeting(m, s2, "Weekly sync");

    applied(viaWebhooks, RtkWebhooks.started(first));
    applied(viaWebhooks, joined(first, a, "Alice", "alice", at(0)));
    // clientSpecificId is the deprecated name of customParticipantId.
    applied(viaWebhooks, withParticipantField(joined(first, b, "Bob", null, at(30)), "clientSpecificId", "bob"));
    applied(viaWebhooks, joined(first, c, "Carol", "carol", at(45)));
    String bobLeaves = left(first, b, "Bob", at(30), at(600));
    ApiClient.Response once = rtk.deliver(t.appPath(viaWebhooks), "delivery-bob-left", bobLeaves);
    assertThat(once.body().at("/data/status").asText()).isEqualTo("applied");
    // RealtimeKit retries a delivery it thinks failed: same rtk-uuid, same body.
    ApiClient.Response retry = rtk.deliver(t.appPath(viaWebhooks), "delivery-bob-left", bobLeaves);
    assertThat(retry.body().at("/data/status").asText()).isEqualTo("duplicate");
    applied(viaWebhooks, ended(first, at(900), "HOST_ENDED_MEETING"));
    // Carol's leave carries no time of its own: the meeting's endedAt stands for it.
    applied(viaWebhooks, left(first.deepCopy().put("endedAt", at(900)), c, "Carol", at(45), null));
    applied(viaWebhooks, joined(second, a, "Alice", "alice", at(2000)));
    applied(viaWebhooks, joined(second, d, "Dan", "dan", at(2100)));
    applied(viaWebhooks, left(second, d, "Dan", at(2100), at(2400)));
    applied(viaWebhooks, left(second, a, "Alice", at(2000), at(2500)));
    applied(viaWebhooks, ended(second, at(2530), "ALL_PARTICIPANTS_LEFT"));

    Events ev = new Events(BASE)
        .join(m, a, 0).with("session_id", s1).with("meeting_title", "Weekly sync").with("display_name", "Alice")
        .with("custom_participant_id", "alice")
        .join(m, b, 30).with("session_id", s1).with("display_name", "Bob").with("custom_participant_id", "bob")
        .join(m, c, 45).with("session_id", s1).with("display_name", "Carol").with("custom_participant_id", "carol")
        .leave(m, b, 600)
        .end(m, 900)
        .leave(m, c, 900)
        .join(m, a, 2000).with("session_id", s2).with("display_name", "Alice").with("custom_participant_id", "alice")
        .join(m, d, 2100).with("session_id", s2).with("display_name", "Dan").with("custom_participant_id", "dan")
        .leave(m, d, 2400)
        .leave(m, a, 2500)
        .end(m, 2530);
    assertThat(t.postEvents(viaEvents, ev.json()).status()).isEqualTo(200);

    t.clock.set(BASE.plus(Duration.ofDays(1)));
    JsonNode fromWebhooks = sessions(viaWebhooks);
    JsonNode fromEvents = sessions(viaEvents);
    assertThat(fromWebhooks).hasSize(2);
    // The payload's meeting.sessionId became the session's id; the title came from the payload.
    assertThat(fromWebhooks.at("/0/id").asText()).isEqualTo(s1);
    assertThat(fromWebhooks.at("/1/id").asText()).isEqualTo(s2);
    assertThat(fromWebhooks.at("/0/associated_id").asText()).isEqualTo(m);
    assertThat(fromWebhooks.at("/0/meeting_display_name").asText()).isEqualTo("Weekly sync");
    assertThat(fromWebhooks.at("/0/status").asText()).isEqualTo("ENDED");
    assertThat(fromWebhooks.at("/0/max_concurrent_participants").asInt()).isEqualTo(3);
    // Host ended at 900 s: Alice and Carol were still there, so 900 + 570 + 855 s.
    assertThat(fromWebhooks.at("/0/ended_at").asText()).isEqualTo("2025-03-04T08:15:00.000Z");
    assertThat(fromWebhooks.at("/0/minutes_consumed").decimalValue()).isEqualByComparingTo("38.75");
    // ALL_PARTICIPANTS_LEFT came 30 s after the last leave, inside the keep-alive: the session
    // ended at that last leave.
    assertThat(fromWebhooks.at("/1/ended_at").asText()).isEqualTo("2025-03-04T08:41:40.000Z");
    for (int i = 0; i < 2; i++) {
      ObjectNode w = (ObjectNode) fromWebhooks.get(i).deepCopy();
      ObjectNode e = (ObjectNode) fromEvents.get(i).deepCopy();
      assertThat(w.remove("organization_id").asText()).isEqualTo(viaWebhooks);
      assertThat(e.remove("organization_id").asText()).isEqualTo(viaEvents);
      assertThat(w).as("session %d through webhooks vs the events API", i).isEqualTo(e);
    }
    JsonNode meeting = t.get(t.appPath(viaWebhooks) + "/meetings/" + m).body();
    assertThat(meeting.at("/data/title").asText()).isEqualTo("Weekly sync");
  }

  @Test
  void theSpaceAndMicrosecondsTimestampFormIsRead() {
    String app = t.newApp();
    ObjectNode m = meeting(uuid(), uuid(), "Recording-style times");
    applied(app, joined(m, "p1", "Alice", null, "2025-03-04 08:00:05.903816Z"));
    applied(app, left(m, "p1", "Alice", "2025-03-04 08:00:05.903816Z", "2025-03-04T08:10:05.903Z"));
    t.clock.set(BASE.plus(Duration.ofDays(1)));
    JsonNode s = sessions(app).get(0);
    assertThat(s.get("started_at").asText()).isEqualTo("2025-03-04T08:00:05.903Z");
    assertThat(s.get("ended_at").asText()).isEqualTo("2025-03-04T08:10:05.903Z");
    assertThat(s.get("minutes_consumed").decimalValue()).isEqualByComparingTo("10");
  }

  // ---- signatures ---------------------------------------------------------------------------

  @Test
  void aBadSignatureIs401AndRecordsNothing() {
    String app = t.newApp();
    ObjectNode m = meeting(uuid(), uuid(), "Signed");
    byte[] genuine = joined(m, "p1", "Alice", null, at(0)).getBytes(StandardCharsets.UTF_8);
    String signature = RtkWebhooks.sign(GLOBAL.getPrivate(), genuine);
    byte[] altered = joined(m, "p2", "Alice", null, at(0)).getBytes(StandardCharsets.UTF_8);

    assertAuthError(rtk.post(t.appPath(app), altered, signature, "d-1"), "not a valid RSA-SHA256 signature");
    // Re-serialized JSON is not the signed body either: the signature covers the exact bytes.
    byte[] reformatted = new String(genuine, StandardCharsets.UTF_8).replace(",", ", ")
        .getBytes(StandardCharsets.UTF_8);
    assertAuthError(rtk.post(t.appPath(app), reformatted, signature, "d-1"), "not a valid RSA-SHA256 signature");
    assertThat(sessions(app)).isEmpty();
    assertThat(t.get(t.appPath(app) + "/meetings").body().at("/data")).isEmpty();

    // Nothing was recorded, not even the delivery id: the genuine delivery is new.
    ApiClient.Response genuineAnswer = rtk.post(t.appPath(app), genuine, signature, "d-1");
    assertThat(genuineAnswer.status()).isEqualTo(200);
    assertThat(genuineAnswer.body().at("/data/status").asText()).isEqualTo("applied");
    assertThat(sessions(app)).hasSize(1);
  }

  @Test
  void aMissingOrMalformedSignatureIs401() {
    String app = t.newApp();
    byte[] body = joined(meeting("m", "s", "t"), "p1", "A", null, at(0)).getBytes(StandardCharsets.UTF_8);
    assertAuthError(rtk.post(t.appPath(app), body, null, "d-1"), "missing rtk-signature header");
    assertAuthError(rtk.post(t.appPath(app), body, "  ", "d-1"), "missing rtk-signature header");
    assertAuthError(rtk.post(t.appPath(app), body, "not base64 at all!", "d-1"), "not a valid RSA-SHA256 signature");
    assertAuthError(rtk.post(t.appPath(app), body, "c2hvcnQ=", "d-1"), "not a valid RSA-SHA256 signature");
    // A bearer token is no substitute for the signature.
    ApiClient.Response withToken = t.client.post(t.appPath(app) + "/webhooks/realtimekit", t.adminToken,
        new String(body, StandardCharsets.UTF_8), "application/json");
    assertAuthError(withToken, "missing rtk-signature header");
    assertThat(sessions(app)).isEmpty();
  }

  @Test
  void aSignatureByAnotherKeyIs401() {
    String app = t.newApp();
    RtkWebhooks impostor = new RtkWebhooks(t.client, RtkWebhooks.newKeyPair().getPrivate());
    ApiClient.Response r = impostor.deliver(t.appPath(app), "d-1", joined(meeting("m", "s", "t"), "p", "A", null,
        at(0)));
    assertAuthError(r, "not a valid RSA-SHA256 signature of this body by the webhook public key of app " + app);
    assertThat(sessions(app)).isEmpty();
  }

  @Test
  void anAppsOwnKeyReplacesTheGlobalOne() {
    String app = t.newApp();
    KeyPair own = RtkWebhooks.newKeyPair();
    assertThat(t.service.stores().webhooks().setPublicKey(t.accountId, app, WebhookSignature.toPem(own.getPublic())))
        .isTrue();
    String payload = joined(meeting("m", "s", "t"), "p", "A", null, at(0));
    assertAuthError(rtk.deliver(t.appPath(app), "d-1", payload), "not a valid RSA-SHA256 signature");
    ApiClient.Response ok = new RtkWebhooks(t.client, own.getPrivate()).deliver(t.appPath(app), "d-1", payload);
    assertThat(ok.status()).as("%s", ok.body()).isEqualTo(200);
    // Cleared, the global key applies again (read at every delivery, no restart needed).
    assertThat(t.service.stores().webhooks().setPublicKey(t.accountId, app, null)).isTrue();
    assertThat(rtk.deliver(t.appPath(app), "d-2", payload).status()).isEqualTo(200);
    // Other apps never stopped using the global key.
    assertThat(rtk.deliver(t.appPath(t.newApp()), "d-1", payload).status()).isEqualTo(200);
  }

  @Test
  void withoutAnyKeyWebhooksAre401UntilTheAppGetsOne() {
    try (TestService bare = TestService.start(kind())) {
      RtkWebhooks sender = new RtkWebhooks(bare.client, GLOBAL.getPrivate());
      String payload = joined(meeting("m", "s", "t"), "p", "A", null, at(0));
      ApiClient.Response keyless = sender.deliver(bare.appPath(), "d-1", payload);
      assertAuthError(keyless, "not a valid RSA-SHA256 signature of this body by the webhook public key of app "
          + bare.appId + " (the app's own key, else the service's; deliveries are refused while neither is"
          + " configured)");
      // An app without a key is answered like an unknown app: the answer does not tell them apart.
      String unknown = UUID.randomUUID().toString();
      ApiClient.Response unknownAnswer = sender.deliver(bare.appPath(unknown), "d-1", payload);
      assertThat(unknownAnswer.status()).isEqualTo(401);
      assertThat(unknownAnswer.raw().body().replace(unknown, bare.appId)).isEqualTo(keyless.raw().body());
      bare.service.stores().webhooks().setPublicKey(bare.accountId, bare.appId,
          WebhookSignature.toPem(GLOBAL.getPublic()));
      assertThat(sender.deliver(bare.appPath(), "d-1", payload).status()).isEqualTo(200);
    }
  }

  @Test
  void anUnknownAppIsAnsweredExactlyAsABadSignature() {
    String payload = joined(meeting("m", "s", "t"), "p", "A", null, at(0));
    String app = t.newApp();
    ApiClient.Response badSignature = new RtkWebhooks(t.client, RtkWebhooks.newKeyPair().getPrivate())
        .deliver(t.appPath(app), "d-1", payload);
    assertAuthError(badSignature, "not a valid RSA-SHA256 signature");
    String unknown = UUID.randomUUID().toString();
    // Genuinely signed, even: without the app there is no key to verify it with.
    for (ApiClient.Response r : List.of(rtk.deliver(t.appPath(unknown), "d-1", payload),
        rtk.deliver("/accounts/other-acc/realtime/kit/" + unknown, "d-1", payload))) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.raw().body().replace(unknown, app)).isEqualTo(badSignature.raw().body());
    }
    // An app of another account too (the account is part of the URL RealtimeKit calls).
    ApiClient.Response foreign = rtk.deliver("/accounts/other-acc/realtime/kit/" + app, "d-1", payload);
    assertThat(foreign.status()).isEqualTo(401);
    assertThat(foreign.raw().body()).isEqualTo(badSignature.raw().body());
    assertThat(sessions(app)).isEmpty();
  }

  // ---- deliveries ---------------------------------------------------------------------------

  @Test
  void aRetryOfADeliveryIs200AndChangesNothing() {
    String app = t.newApp();
    ObjectNode m = meeting(uuid(), uuid(), "Retries");
    String join = joined(m, "p1", "Alice", null, at(0));
    assertThat(rtk.deliver(t.appPath(app), "u-1", join).body().at("/data/status").asText()).isEqualTo("applied");
    applied(app, left(m, "p1", "Alice", at(0), at(120)));
    t.clock.set(BASE.plus(Duration.ofDays(1)));
    JsonNode before = sessions(app);

    ApiClient.Response retry = rtk.deliver(t.appPath(app), "u-1", join);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.body().at("/data")).isEqualTo(Json.MAPPER.createObjectNode()
        .put("delivery_id", "u-1").put("event", "meeting.participantJoined").put("status", "duplicate"));
    // The delivery id decides, not the body: a different payload under a delivered id is a retry too.
    ApiClient.Response sameIdOtherBody = rtk.deliver(t.appPath(app), "u-1", joined(m, "p9", "Zed", null, at(300)));
    assertThat(sameIdOtherBody.body().at("/data/status").asText()).isEqualTo("duplicate");
    assertThat(sessions(app)).isEqualTo(before);
  }

  /**
   * RealtimeKit does not retry a 2xx, so a leave that comes before its join is kept: it changes
   * nothing while it waits (held, listed for operators), and once the join arrives the session
   * is the one in-order delivery gives.
   */
  @Test
  void aLeaveBeforeItsJoinIsHeldAndPlacedWhenTheJoinArrives() {
    String app = t.newApp();
    String other = t.newApp();
    ObjectNode m = meeting(uuid(), uuid(), "Late join");
    applied(app, joined(m, "p1", "Alice", null, at(0)));
    applied(other, joined(m, "p1", "Alice", null, at(0)));
    t.clock.set(BASE.plus(Duration.ofMinutes(30)));
    JsonNode before = sessions(app);

    String leave = left(m, "p2", "Bob", at(10), at(60));
    ApiClient.Response r = rtk.deliver(t.appPath(app), "u-early-leave", leave);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().at("/data/status").asText()).isEqualTo("held");
    assertThat(r.body().at("/data/message").asText()).contains("held until the join of peer p2");
    assertThat(sessions(app)).as("a held leave changes nothing yet").isEqualTo(before);
    assertThat(t.service.heldEvents().tally().waiting()).isEqualTo(1);
    assertThat(rtk.deliver(t.appPath(app), "u-early-leave", leave).body().at("/data/status").asText())
        .as("a retry of a held delivery").isEqualTo("duplicate");

    assertThat(deliver(app, joined(m, "p2", "Bob", null, at(10))).body().at("/data/status").asText())
        .isEqualTo("applied");
    assertThat(t.service.heldEvents().tally().waiting()).as("the join placed the leave").isZero();

    // The same history in order, in another app: identical but for the app.
    applied(other, joined(m, "p2", "Bob", null, at(10)));
    applied(other, left(m, "p2", "Bob", at(10), at(60)));
    assertThat(withoutApp(sessions(app))).isEqualTo(withoutApp(sessions(other)));
    assertThat(sessions(app).at("/0/minutes_consumed").decimalValue())
        .isEqualByComparingTo("30.8333"); // Alice 30 min (still present) + Bob 50 s
  }

  /** A held delivery that waits longer than the report limit shows in /healthz and is logged once. */
  @Test
  void aDeliveryHeldTooLongIsReportedOnce() {
    String app = t.newApp();
    ObjectNode m = meeting(uuid(), uuid(), "Lost join");
    t.clock.set(BASE);
    long overdueBefore = t.service.heldEvents().tally().overdue();
    assertThat(deliver(app, left(m, "p7", "Pat", at(10), at(60))).body().at("/data/status").asText())
        .isEqualTo("held");
    JsonNode health = t.client.get("http://127.0.0.1:" + t.service.port() + "/healthz", null).body();
    assertThat(health.at("/held_events/waiting").asLong()).isPositive();
    assertThat(health.at("/held_events/report_after_seconds").asLong()).isEqualTo(15 * 60);

    t.clock.set(BASE.plus(Duration.ofMinutes(16)));
    assertThat(t.client.get("http://127.0.0.1:" + t.service.port() + "/healthz", null).body().at("/held_events/overdue").asLong())
        .isEqualTo(overdueBefore + 1);
    assertThat(t.service.heldEvents().reportOverdue()).isPositive();
    assertThat(t.service.heldEvents().reportOverdue()).as("each is reported once").isZero();
    assertThat(t.service.heldEvents().oldest(app, 10)).singleElement()
        .satisfies(h -> assertThat(h.reportedAt()).isEqualTo(BASE.plus(Duration.ofMinutes(16)).toEpochMilli()));
  }

  private static JsonNode withoutApp(JsonNode sessions) {
    JsonNode copy = sessions.deepCopy();
    copy.forEach(s -> ((ObjectNode) s).remove("organization_id"));
    return copy;
  }

  @Test
  void aSessionIdAlreadyUsedByAnotherMeetingIsAcknowledgedAndChangesNothing() {
    String app = t.newApp();
    String sessionId = uuid();
    applied(app, joined(meeting(uuid(), sessionId, "First"), "p1", "Alice", null, at(0)));
    t.clock.set(BASE.plus(Duration.ofMinutes(30)));
    JsonNode before = sessions(app);
    ApiClient.Response r = deliver(app, joined(meeting(uuid(), sessionId, "Second"), "p2", "Bob", null, at(10)));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().at("/data/status").asText()).isEqualTo("rejected");
    assertThat(r.body().at("/data/message").asText()).startsWith("meeting.sessionId is already the id of another");
    assertThat(sessions(app)).isEqualTo(before);
  }

  @Test
  void otherEventsAreAcknowledgedAndIgnored() {
    String app = t.newApp();
    String m = uuid();
    String recording = """
        {"event":"recording.statusUpdate","meeting":{"id":"%s","sessionId":"%s","title":"x","status":"LIVE"},
         "recording":{"id":"r1","status":"UPLOADED","startedTime":"2023-01-25 04:51:35.903816Z","fileSize":"123"}}"""
        .formatted(m, uuid());
    String livestream = """
        {"event":"livestreaming.statusUpdate","streamId":"ls-1","status":"LIVE","meeting":{"id":"%s"}}""".formatted(m);
    String future = """
        {"event":"meeting.somethingNew","anything":[1,2,3]}""";
    for (String payload : List.of(recording, livestream, future)) {
      ApiClient.Response r = rtk.deliver(t.appPath(app), "other-" + payload.hashCode(), payload);
      assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
      assertThat(r.body().at("/data/status").asText()).isEqualTo("ignored");
      assertThat(rtk.deliver(t.appPath(app), "other-" + payload.hashCode(), payload).body().at("/data/status")
          .asText()).isEqualTo("duplicate");
    }
    assertThat(sessions(app)).isEmpty();
    assertThat(t.get(t.appPath(app) + "/meetings").body().at("/data")).isEmpty();
  }

  @Test
  void meetingStartedCreatesTheMeetingWithItsTitleButNoSession() {
    String app = t.newApp();
    String m = uuid();
    applied(app, RtkWebhooks.started(meeting(m, uuid(), "All hands")));
    JsonNode meeting = t.get(t.appPath(app) + "/meetings/" + m).body();
    assertThat(meeting.at("/data/title").asText()).isEqualTo("All hands");
    assertThat(meeting.at("/data/status").asText()).isEqualTo("ACTIVE");
    assertThat(sessions(app)).isEmpty();
  }

  // ---- malformed deliveries -----------------------------------------------------------------

  static Stream<Arguments> malformed() {
    ObjectNode m = meeting("m-1", "s-1", "t");
    String join = joined(m, "p1", "A", null, at(0));
    return Stream.of(
        Arguments.of("not json",
            "the body must be a JSON object (a RealtimeKit webhook payload): it is not valid JSON"),
        Arguments.of("[]", "the body must be a JSON object (a RealtimeKit webhook payload)"),
        Arguments.of("{}", "event is required"),
        Arguments.of("{\"event\":7}", "event must be a string, got number"),
        Arguments.of("{\"event\":\"meeting.participantJoined\"}", "meeting is required"),
        Arguments.of(join.replace("\"peerId\":\"p1\",", ""), "participant.peerId is required"),
        Arguments.of(join.replace("\"id\":\"m-1\"", "\"id\":\"bad id!\""),
            "meeting.id must be 1-64 characters of A-Z a-z 0-9 . _ : -, got \"bad id!\""),
        Arguments.of(join.replace(at(0), "yesterday"), "participant.joinedAt must be a timestamp like"
            + " 2025-03-04T10:15:30.123Z or 2025-03-04 10:15:30.123456Z, got \"yesterday\""),
        Arguments.of(left(m, "p1", "A", at(0), null), "participant.leftAt is required (or meeting.endedAt, used when"
            + " the participant carries no leave time)"),
        Arguments.of("{\"event\":\"meeting.ended\",\"meeting\":{\"id\":\"m-1\"},\"reason\":\"HOST_ENDED_MEETING\"}",
            "meeting.endedAt is required"),
        Arguments.of("{\"event\":\"meeting.chatSynced\",\"sessionId\":\"s-1\",\"chatDownloadUrlExpiry\":\""
            + at(0) + "\"}", "chatDownloadUrl is required"),
        Arguments.of(RtkWebhooks.chatSynced("m-1", "s-1", "https://x/chat.csv", "soon"),
            "chatDownloadUrlExpiry must be a timestamp like 2025-03-04T10:15:30.123Z or 2025-03-04 10:15:30.123456Z,"
                + " got \"soon\""),
        Arguments.of(RtkWebhooks.artifact("meeting.transcript", "transcript", meeting("m-1", null, "t"),
            "https://x/t.csv", at(0)), "meeting.sessionId is required"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedPayloadsAre400NamingTheFieldAndRecordNothing(String payload, String message) {
    String app = t.newApp();
    ApiClient.Response r = rtk.deliver(t.appPath(app), "bad-1", payload);
    assertThat(r.status()).as("%s", r.body()).isEqualTo(400);
    assertThat(r.body().at("/error/message").asText()).isEqualTo(message);
    assertThat(sessions(app)).isEmpty();
  }

  @Test
  void theDeliveryIdIsRequiredAndChecked() {
    String app = t.newApp();
    byte[] body = joined(meeting("m", "s", "t"), "p", "A", null, at(0)).getBytes(StandardCharsets.UTF_8);
    String signature = RtkWebhooks.sign(GLOBAL.getPrivate(), body);
    ApiClient.Response missing = rtk.post(t.appPath(app), body, signature, null);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().at("/error/message").asText()).startsWith("the rtk-uuid header is required");
    ApiClient.Response bad = rtk.post(t.appPath(app), body, signature, "has spaces in it");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().at("/error/message").asText())
        .isEqualTo("rtk-uuid must be 1-60 characters of A-Z a-z 0-9 . _ : -, got \"has spaces in it\"");
    assertThat(sessions(app)).isEmpty();
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String app = t.newApp();
    byte[] body = new byte[WebhookRoutes.MAX_BODY_BYTES + 1];
    Arrays.fill(body, (byte) ' ');
    ApiClient.Response r = rtk.post(t.appPath(app), body, RtkWebhooks.sign(GLOBAL.getPrivate(), body), "big-1");
    assertThat(r.status()).isEqualTo(413);
  }

  /** The suite on the embedded default store. */
  static final class OnSqliteTest extends WebhooksApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  /** The suite on PostgreSQL. */
  static final class OnPostgresTest extends WebhooksApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
