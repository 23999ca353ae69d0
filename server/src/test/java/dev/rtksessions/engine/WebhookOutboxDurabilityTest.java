package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import dev.rtksessions.testing.WebhookReceiver;
import dev.rtksessions.testing.WebhookReceiver.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outbox is durable: deliveries written with the change survive a restart of the service,
 * several processes on one PostgreSQL send each delivery once, and a delivery whose sender died
 * while sending it is sent by another process once the dead one's claim runs out.
 */
class WebhookOutboxDurabilityTest {
  private static final Instant BASE = Instant.parse("2025-03-04T08:00:00Z");
  private static final WebhookSender.Policy FAST = new WebhookSender.Policy(Duration.ofMillis(500),
      java.util.Collections.nCopies(10, Duration.ofMillis(200)), List.of());

  private static TestService service(String url, MutableClock clock) {
    return TestService.start(url, clock, c -> c.withWebhooksOut(FAST));
  }

  private static String subscribe(TestService t, String url) {
    ApiClient.Response r = t.client.postJson(t.appPath() + "/webhooks", t.adminToken, Map.of("name", "hook", "url", url,
        "events", List.of("meeting.participantJoined")));
    assertThat(r.status()).isEqualTo(201);
    return r.body().at("/data/id").asText();
  }

  private static void join(TestService t, String meeting) {
    assertThat(t.postEvents(new Events(BASE, meeting + "-").join(meeting, "p", 0).json()).status()).isEqualTo(200);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void deliveriesSurviveARestart(TestDatabases.Kind kind) throws Exception {
    String url = TestDatabases.fresh(kind);
    MutableClock clock = new MutableClock(BASE.plus(Duration.ofDays(1)));
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      receiver.stop();
      String app;
      try (TestService first = service(url, clock)) {
        app = first.appId;
        subscribe(first, receiver.url());
        for (int i = 0; i < 5; i++) {
          join(first, "m" + i);
        }
      } // stopped with every delivery still pending: the receiver refused them all
      receiver.restart();
      try (TestService second = service(url, clock)) {
        assertThat(second.appId).isNotEqualTo(app); // a new app of its own; the first one's webhook is what sends
        List<Received> got = receiver.await(r -> r.size() >= 5, Duration.ofSeconds(10));
        assertThat(got.stream().map(r -> r.json().at("/meeting/id").asText()).distinct()).hasSize(5);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void withWebhooksOutOffNothingIsRecordedOrSent(TestDatabases.Kind kind) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start();
         TestService off = TestService.start(TestDatabases.fresh(kind), new MutableClock(BASE.plus(Duration.ofDays(1))),
             c -> c.withWebhooksOut(null))) {
      String webhookId = subscribe(off, receiver.url());
      join(off, "m");
      Thread.sleep(1500);
      assertThat(receiver.received()).isEmpty();
      assertThat(off.get(off.appPath() + "/webhooks/" + webhookId + "/deliveries").body().at("/paging/total_count")
          .asInt()).isZero();
    }
  }

  @Test
  void processesSharingPostgresSendEachDeliveryOnce() throws Exception {
    String url = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    MutableClock clock = new MutableClock(BASE.plus(Duration.ofDays(1)));
    try (WebhookReceiver receiver = WebhookReceiver.start();
         TestService x = service(url, clock);
         TestService y = service(url, clock)) {
      // Both processes' senders see the webhook of x's app and its deliveries; the events come
      // in through both. The receiver takes its time, so that deliveries are being sent while
      // both processes look for due ones.
      receiver.answer(r -> {
        try {
          Thread.sleep(300);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return 200;
      });
      subscribe(x, receiver.url());
      TestService[] both = {x, y};
      for (int i = 0; i < 40; i++) {
        TestService via = both[i % 2];
        assertThat(via.client.post(x.appPath() + "/events", x.adminToken,
            new Events(BASE, "e" + i + "-").join("m" + i, "p", 0).json(), "application/json").status()).isEqualTo(200);
      }
      List<Received> got = receiver.await(r -> r.size() >= 40, Duration.ofSeconds(30));
      Thread.sleep(1000); // time for a second send of anything, if there were one
      Map<String, Long> perDelivery = receiver.received().stream()
          .collect(Collectors.groupingBy(r -> r.header("rtk-uuid"), Collectors.counting()));
      assertThat(perDelivery).hasSize(40);
      assertThat(perDelivery.values()).as("each delivery sent once").containsOnly(1L);
      assertThat(got).hasSize(40);
    }
  }

  @Test
  void aDeliveryWhoseSenderDiedIsSentByAnotherProcess() throws Exception {
    String url = TestDatabases.fresh(TestDatabases.Kind.POSTGRESQL);
    MutableClock clock = new MutableClock(BASE.plus(Duration.ofDays(1)));
    try (WebhookReceiver receiver = WebhookReceiver.start()) {
      AtomicBoolean first = new AtomicBoolean(true);
      receiver.answer(r -> first.getAndSet(false) ? WebhookReceiver.HANG : 200);
      TestService dying = service(url, clock);
      subscribe(dying, receiver.url());
      join(dying, "m");
      receiver.await(r -> r.size() == 1, Duration.ofSeconds(5)); // the dying process is sending it now
      dying.close();
      try (TestService survivor = service(url, clock)) {
        List<Received> got = receiver.await(r -> r.size() == 2, Duration.ofSeconds(20));
        assertThat(got.get(1).header("rtk-uuid")).isEqualTo(got.get(0).header("rtk-uuid"));
        // Not before the dead sender's claim ran out.
        assertThat(Duration.ofNanos(got.get(1).atNanos() - got.get(0).atNanos())).isGreaterThanOrEqualTo(
            FAST.timeout().multipliedBy(2));
        String webhookId = survivor.get(dying.appPath() + "/webhooks").body().at("/data/0/id").asText();
        awaitSent(survivor, dying.appId, webhookId);
      }
    }
  }

  private static void awaitSent(TestService t, String app, String webhookId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String path = "/accounts/" + t.accountId + "/realtime/kit/" + app + "/webhooks/" + webhookId + "/deliveries";
    while (!t.get(path).body().at("/data/0/status").asText().equals("sent")) {
      assertThat(System.nanoTime()).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
