package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import dev.rtksessions.testing.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Service A sends its webhooks to service B's RealtimeKit receiver (B verifies them with A's
 * published public key): a history posted to A's events API ends up in B with the same
 * sessions, participants and figures, field by field, session ids included. Once directly, and
 * once through a receiver in front of B that fails, times out after passing a delivery on, and
 * refuses connections before it recovers: nothing is lost and nothing applied twice.
 */
class WebhooksRoundTripTest {
  private static final Instant BASE = Instant.parse("2025-03-04T08:00:00Z");

  /** A history of several meetings: sessions that end by keep-alive and by an end, peers coming back. */
  private static Events history() {
    Random random = new Random(13);
    Events e = new Events(BASE, "h");
    for (int m = 0; m < 4; m++) {
      String meeting = "room-" + m;
      double t = m * 7;
      for (int session = 0; session < 3; session++) {
        int peers = 1 + random.nextInt(4);
        for (int p = 0; p < peers; p++) {
          e.join(meeting, "peer-" + m + "-" + session + "-" + p, t + p * 11).with("display_name", "P" + p)
              .with("custom_participant_id", "user-" + p).with("meeting_title", "Room " + m);
        }
        double last = t + peers * 11;
        for (int p = 0; p < peers; p++) {
          last += 30 + random.nextInt(300);
          if (session == 1 && p == peers - 1) {
            e.end(meeting, last); // the host ends it with the last peer inside
          } else {
            e.leave(meeting, "peer-" + m + "-" + session + "-" + p, last);
          }
        }
        if (session == 0) {
          // back within the keep-alive: the same session goes on
          e.join(meeting, "peer-" + m + "-again", last + 30).leave(meeting, "peer-" + m + "-again", last + 200);
          last += 200;
        }
        t = last + 600; // the keep-alive runs out before the next session
      }
    }
    return e;
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aHistoryPostedToAEndsUpInBWithIdenticalSessions(TestDatabases.Kind kind) throws Exception {
    roundTrip(kind, null);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void throughAFlakyReceiverNothingIsLostAndNothingAppliedTwice(TestDatabases.Kind kind) throws Exception {
    AtomicInteger calls = new AtomicInteger();
    roundTrip(kind, receiver -> {
      receiver.answer(r -> {
        int n = calls.incrementAndGet();
        if (n == 3) {
          receiver.stop(); // refused from now on, until restarted below
          return 503;
        }
        return switch (n % 5) {
          case 1 -> 500;
          case 2 -> WebhookReceiver.FORWARD_THEN_HANG; // B applies it, A times out and sends it again
          default -> 200;
        };
      });
    });
  }

  private interface Flakiness {
    void apply(WebhookReceiver receiver) throws Exception;
  }

  private void roundTrip(TestDatabases.Kind kind, Flakiness flakiness) throws Exception {
    MutableClock clock = new MutableClock(BASE.plus(Duration.ofDays(1)));
    // Retries for longer than the receiver is down below (1.5 s).
    WebhookSender.Policy fast = new WebhookSender.Policy(Duration.ofMillis(700),
        java.util.Collections.nCopies(12, Duration.ofMillis(300)), List.of());
    try (TestService a = TestService.start(TestDatabases.fresh(kind), clock, c -> c.withWebhooksOut(fast));
         WebhookReceiver proxy = WebhookReceiver.start()) {
      String publicKey = a.client.get("/realtime/kit/webhook-signing-key", null).body().at("/data/public_key").asText();
      try (TestService b = TestService.start(TestDatabases.fresh(kind), clock,
          c -> c.withWebhookPublicKey(WebhookSignature.parsePem(publicKey)))) {
        String receiverUrl = b.service.baseUrl() + b.appPath() + "/webhooks/realtimekit";
        proxy.forwardTo(receiverUrl);
        if (flakiness != null) {
          flakiness.apply(proxy);
        }
        ApiClient.Response created = a.client.postJson(a.appPath() + "/webhooks", a.adminToken, Map.of("name", "to B",
            "url", proxy.url(), "events", List.of("meeting.started", "meeting.ended", "meeting.participantJoined",
                "meeting.participantLeft")));
        assertThat(created.status()).isEqualTo(201);
        String webhookId = created.body().at("/data/id").asText();

        assertThat(a.postEvents(history().json()).status()).isEqualTo(200);
        if (flakiness != null) {
          Thread.sleep(1500);
          proxy.restart();
          proxy.answer(r -> 200);
        }
        awaitAllSent(a, webhookId);

        JsonNode fromA = sessions(a);
        JsonNode fromB = sessions(b);
        assertThat(fromA).hasSize(12);
        assertThat(fromB).hasSize(fromA.size());
        for (int i = 0; i < fromA.size(); i++) {
          ObjectNode sa = (ObjectNode) fromA.get(i).deepCopy();
          ObjectNode sb = (ObjectNode) fromB.get(i).deepCopy();
          sa.remove("organization_id");
          sb.remove("organization_id");
          assertThat(sb).as("session %d", i).isEqualTo(sa);
          String id = sa.get("id").asText();
          assertThat(participants(b, id)).as("participants of %s", id).isEqualTo(participants(a, id));
        }
        if (flakiness != null) {
          long retried = proxy.received().stream().map(r -> r.header("rtk-uuid")).distinct().count();
          assertThat(proxy.received().size()).as("some deliveries were sent more than once").isGreaterThan((int) retried);
        }
      }
    }
  }

  private static void awaitAllSent(TestService a, String webhookId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonNode page = a.get(a.appPath() + "/webhooks/" + webhookId + "/deliveries?per_page=200").body();
      boolean done = page.at("/paging/total_count").asInt() > 0;
      for (JsonNode d : page.get("data")) {
        assertThat(d.get("status").asText()).as("%s", d).isNotEqualTo("failed");
        done &= d.get("status").asText().equals("sent");
      }
      if (done) {
        return;
      }
      assertThat(System.nanoTime()).as("every delivery sent in time: %s", page).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static JsonNode sessions(TestService t) {
    ApiClient.Response r = t.listSessions(t.appId, "sort_order=ASC&per_page=200");
    assertThat(r.status()).isEqualTo(200);
    return r.body().at("/data/sessions");
  }

  /** The session's participants with their peer events, less the events' ids (each service names its own). */
  private static JsonNode participants(TestService t, String sessionId) {
    ApiClient.Response r = t.get(t.appPath() + "/sessions/" + sessionId
        + "/participants?per_page=200&include_peer_events=true");
    assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
    JsonNode participants = r.body().at("/data/participants");
    participants.forEach(p -> p.get("peer_events").forEach(e -> ((ObjectNode) e).remove("id")));
    return participants;
  }
}
