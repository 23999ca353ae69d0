package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.Permission;
import dev.rtksessions.service.RtkService;
import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.RtkWebhooks;
import dev.rtksessions.testing.TcpProxy;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * While PostgreSQL cannot be reached, whether it refuses connections (stopped) or accepts them
 * and never answers (frozen, or its packets dropped), reads, event batches, webhooks and health
 * all answer 503 with Retry-After within 2 s, and the service recovers by itself. A TCP proxy
 * in front of the test database plays the outage; the database itself is never touched.
 */
class OutageAnswerTimeTest {
  static final long LIMIT_MS = 2_000;
  static final KeyPair KEYS = RtkWebhooks.newKeyPair();

  @ParameterizedTest
  @ValueSource(strings = {"refused", "hanging"})
  void everyRequestAnswers503WithinTwoSecondsAndTheServiceRecovers(String outage) throws Exception {
    String url = TestDatabases.freshPostgres();
    ExecutorService senders = Executors.newFixedThreadPool(4);
    TcpProxy proxy = TcpProxy.inFrontOf(url);
    RtkService service = RtkService.start(ServiceConfig.of("127.0.0.1", 0, proxy.jdbcUrl(url))
        .withAuthCacheTtl(Duration.ofMinutes(5)).withWebhookPublicKey(KEYS.getPublic()));
    try {
      String token = service.tokens().create(null, Permission.REALTIME_ADMIN, "outage").secret();
      String appPath = "/accounts/acc/realtime/kit/" + service.catalog().createApp("acc", "outage").id();
      ApiClient client = new ApiClient(service.baseUrl());
      RtkWebhooks rtk = new RtkWebhooks(client, KEYS.getPrivate());
      String health = "http://127.0.0.1:" + service.port() + "/healthz";
      Events events = new Events(Instant.parse("2025-03-04T10:00:00Z"));
      String batch = events.join("m", "a", 0).json();
      String webhook = RtkWebhooks.joined(RtkWebhooks.meeting("m-2", "s-2", "Outage"), "p", "Bo", null,
          "2025-03-04T10:00:00Z");
      // Token and app are looked up (and remembered) while the database is up.
      assertThat(client.get(appPath + "/sessions", token).status()).isEqualTo(200);

      Map<String, Supplier<ApiClient.Response>> requests = new LinkedHashMap<>();
      requests.put("read", () -> client.get(appPath + "/sessions", token));
      requests.put("events", () -> client.post(appPath + "/events", token, batch, "application/json"));
      requests.put("webhook", () -> rtk.deliver(appPath, UUID.randomUUID().toString(), webhook));
      requests.put("health", () -> client.get(health, null));

      if (outage.equals("refused")) {
        proxy.refuse();
      } else {
        proxy.hang();
      }
      // The first requests meet pooled connections, the later ones the pool's own timeouts.
      for (int round = 1; round <= 3; round++) {
        List<Future<String>> answers = new ArrayList<>();
        for (Map.Entry<String, Supplier<ApiClient.Response>> request : requests.entrySet()) {
          answers.add(senders.submit(() -> answer(request.getKey(), request.getValue())));
        }
        for (Future<String> answer : answers) {
          String problem = answer.get(30, TimeUnit.SECONDS);
          assertThat(problem).as("%s, round %d", outage, round).isEmpty();
        }
      }

      proxy.forward();
      ApiClient.Response healthy = client.get(health, null);
      for (int attempt = 1; healthy.status() != 200 && attempt < 40; attempt++) {
        Thread.sleep(250);
        healthy = client.get(health, null);
      }
      assertThat(healthy.status()).isEqualTo(200);
      ApiClient.Response retried = client.post(appPath + "/events", token, batch, "application/json");
      assertThat(retried.status()).as("%s", retried.body()).isEqualTo(200);
      assertThat(retried.body().at("/data/applied").asInt()).as("no 503 attempt recorded anything").isEqualTo(1);
    } finally {
      senders.shutdownNow();
      proxy.close(); // first: resets connections a request may still be waiting on
      service.close();
    }
  }

  /**
   * The other side of short waits for a connection: a healthy store under more load than the
   * pool serves at once answers every request. Twelve clients share a pool of two connections;
   * as many HTTP workers as connections means requests queue for a worker, not for a
   * connection, so none waits out the connection timeout.
   */
  @Test
  void aBusyStoreAnswersEveryRequest() throws Exception {
    try (TestService t = TestService.start(TestDatabases.Kind.POSTGRESQL, config -> config.withPoolSize(2))) {
      ExecutorService clients = Executors.newFixedThreadPool(12);
      List<Future<List<Integer>>> answers = new ArrayList<>();
      for (int c = 0; c < 12; c++) {
        int client = c;
        answers.add(clients.submit(() -> {
          List<Integer> statuses = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            Events events = new Events(Instant.parse("2025-03-04T10:00:00Z"), "c" + client + "-" + i + "-");
            for (int m = 0; m < 25; m++) {
              events.join("c" + client + "-m" + m, "p" + i, i * 60).leave("c" + client + "-m" + m, "p" + i, i * 60 + 30);
            }
            statuses.add(t.postEvents(events.json()).status());
            statuses.add(t.listSessions(t.appId, "sort_by=minutesConsumed&per_page=50").status());
            statuses.add(t.get(t.appPath() + "/meetings?per_page=50").status());
          }
          return statuses;
        }));
      }
      for (Future<List<Integer>> answer : answers) {
        assertThat(answer.get(2, TimeUnit.MINUTES)).containsOnly(200);
      }
      clients.shutdown();
    }
  }

  /**
   * Waiting for another writer is not an outage: a batch whose meeting another transaction holds
   * locked for 3 s (longer than a request's statement may wait for PostgreSQL's answer) is
   * recorded once the lock is released.
   */
  @Test
  void aBatchWaitingLongForAnotherWritersLockIsRecorded() throws Exception {
    String url = TestDatabases.freshPostgres();
    try (TestService t = TestService.start(url, new MutableClock(TestService.EPOCH))) {
      Events events = new Events(Instant.parse("2025-03-04T10:00:00Z"));
      assertThat(t.postEvents(events.join("hot", "a", 0).json()).status()).isEqualTo(200);
      try (Connection other = DriverManager.getConnection(url)) {
        other.setAutoCommit(false);
        try (PreparedStatement lock = other.prepareStatement("SELECT id FROM meetings WHERE id = 'hot' FOR UPDATE")) {
          lock.executeQuery().close();
        }
        CompletableFuture<ApiClient.Response> waiting =
            CompletableFuture.supplyAsync(() -> t.postEvents(new Events(Instant.parse("2025-03-04T10:00:00Z"), "w")
                .join("hot", "b", 60).json()));
        Thread.sleep(3_000);
        assertThat(waiting).as("waiting for the lock").isNotDone();
        other.commit();
        ApiClient.Response r = waiting.get(30, TimeUnit.SECONDS);
        assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
        assertThat(r.body().at("/data/applied").asInt()).isEqualTo(1);
      }
    }
  }

  /** Empty when the request answered 503 with Retry-After within the limit; else what was wrong. */
  private static String answer(String name, Supplier<ApiClient.Response> request) {
    long start = System.nanoTime();
    ApiClient.Response r = request.get();
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (r.status() != 503 || r.header("Retry-After") == null || ms >= LIMIT_MS) {
      return name + ": " + r.status() + " after " + ms + " ms, Retry-After " + r.header("Retry-After") + ", " + r.body();
    }
    return "";
  }
}
