package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.EventStreams;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.ServiceProcess;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL database, fed concurrently with events of the
 * same meetings (some batches sent to both), record exactly what one process fed in order
 * records.
 */
class SharedPostgresTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");
  static final String APP = "shared-app";

  @Test
  void twoProcessesSharingPostgresRecordWhatOneProcessInOrderRecords() throws Exception {
    List<Map<String, Object>> history = EventStreams.generate(42, 24, BASE);
    String sharedUrl = TestDatabases.freshPostgres();
    try (TestService reference = TestService.start(TestDatabases.Kind.SQLITE);
        TestService first = TestService.start(sharedUrl, new MutableClock(BASE))) {
      reference.service.catalog().ensureApp(reference.accountId, APP, "reference");
      first.service.catalog().ensureApp(first.accountId, APP, "shared");
      for (int i = 0; i < history.size(); i += 40) {
        assertThat(reference.postEvents(APP, Events.json(history.subList(i, Math.min(i + 40, history.size()))))
            .status()).isEqualTo(200);
      }

      try (ServiceProcess second = ServiceProcess.start(sharedUrl)) {
        feedConcurrently(first, List.of(first.client, second.client), history);
        assertThat(second.stop() + first.service.database().conflictRetries()).as("writes run again after a deadlock")
            .isZero();
      }

      for (Duration readAfter : List.of(Duration.ofMinutes(40), Duration.ofDays(1))) {
        reference.clock.set(BASE.plus(readAfter));
        first.clock.set(BASE.plus(readAfter));
        assertThat(all(first)).as("read at +%s", readAfter).isEqualTo(all(reference));
      }
    }
  }

  /**
   * Four senders, two per process, take small in-order batches from one queue, so batches
   * of the same meeting commit concurrently and out of order; one batch in five goes to
   * both processes. A batch refused because its leave overtook its join is sent again.
   */
  private static void feedConcurrently(TestService t, List<ApiClient> servers, List<Map<String, Object>> history)
      throws Exception {
    ConcurrentLinkedDeque<List<Map<String, Object>>> queue = new ConcurrentLinkedDeque<>();
    for (int i = 0; i < history.size(); i += 8) {
      queue.add(new ArrayList<>(history.subList(i, Math.min(i + 8, history.size()))));
    }
    AtomicInteger retries = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> senders = new ArrayList<>();
    for (int s = 0; s < 4; s++) {
      ApiClient client = servers.get(s % 2);
      ApiClient other = servers.get((s + 1) % 2);
      Random random = new Random(s);
      senders.add(pool.submit(() -> {
        List<Map<String, Object>> batch;
        while ((batch = queue.poll()) != null) {
          String body = Events.json(batch);
          ApiClient.Response r = client.post(t.appPath(APP) + "/events", t.adminToken, body, "application/json");
          if (r.status() == 422) {
            retries.incrementAndGet();
            queue.addLast(batch);
            continue;
          }
          assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
          if (random.nextInt(5) == 0) {
            assertThat(other.post(t.appPath(APP) + "/events", t.adminToken, body, "application/json").status())
                .isEqualTo(200);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : senders) {
      f.get(5, TimeUnit.MINUTES);
    }
    pool.shutdown();
    assertThat(retries.get()).isLessThan(10_000);
  }

  private static JsonNode all(TestService t) {
    ApiClient.Response r = t.listSessions(APP, "sort_order=ASC&per_page=200");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("paging").get("total_count").asInt()).isGreaterThan(20);
    return r.body();
  }
}
