package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.ServiceProcess;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Six writers on two server processes sharing one PostgreSQL database post, at the same
 * moment, batches that name the same new meetings in different orders and share some events.
 * Every batch is recorded (200, never a 503), no transaction has to be run again after a
 * deadlock in either process, and the sessions are those of in-order delivery.
 */
class ConcurrentNewMeetingsTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");
  static final String APP = "concurrent-app";
  static final int WRITERS = 6;
  static final int ROUNDS = 3;
  /** New meetings per round; each writer names a random half of them. */
  static final int MEETINGS = 120;

  @Test
  void writersNamingTheSameNewMeetingsInDifferentOrdersNeverDeadlock() throws Exception {
    String sharedUrl = TestDatabases.freshPostgres();
    try (TestService reference = TestService.start(TestDatabases.Kind.SQLITE);
        TestService first = TestService.start(sharedUrl, new MutableClock(BASE));
        ServiceProcess second = ServiceProcess.start(sharedUrl)) {
      reference.service.catalog().ensureApp(reference.accountId, APP, "reference");
      first.service.catalog().ensureApp(first.accountId, APP, "shared");
      List<ApiClient> servers = List.of(first.client, second.client);

      List<ApiClient.Response> refused = new ArrayList<>();
      ConcurrentLinkedQueue<Map<String, Object>> sent = new ConcurrentLinkedQueue<>();
      CyclicBarrier together = new CyclicBarrier(WRITERS);
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          for (int round = 0; round < ROUNDS; round++) {
            List<Map<String, Object>> batch = batch(writer, round);
            together.await(30, TimeUnit.SECONDS);
            ApiClient.Response r = servers.get(writer % 2).post(first.appPath(APP) + "/events", first.adminToken,
                Events.json(batch), "application/json");
            if (r.status() != 200) {
              synchronized (refused) {
                refused.add(r);
              }
            }
            sent.addAll(batch);
          }
          return null;
        }));
      }
      for (Future<?> f : writers) {
        f.get(3, TimeUnit.MINUTES);
      }
      pool.shutdown();
      long retriedHere = first.service.database().conflictRetries();
      long retriedThere = second.stop();

      assertThat(refused).as("batches not answered 200").isEmpty();
      assertThat(retriedHere + retriedThere).as("writes run again after a deadlock (this process %d, the other %d)",
          retriedHere, retriedThere).isZero();

      Map<Object, Map<String, Object>> distinct = new LinkedHashMap<>();
      sent.forEach(e -> distinct.putIfAbsent(e.get("id"), e));
      List<Map<String, Object>> inOrder = new ArrayList<>(distinct.values());
      inOrder.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("at"))
          .thenComparing(e -> (String) e.get("id")));
      for (int i = 0; i < inOrder.size(); i += 100) {
        assertThat(reference.postEvents(APP, Events.json(inOrder.subList(i, Math.min(i + 100, inOrder.size()))))
            .status()).isEqualTo(200);
      }
      for (Duration readAfter : List.of(Duration.ofMinutes(20), Duration.ofDays(1))) {
        reference.clock.set(BASE.plus(readAfter));
        first.clock.set(BASE.plus(readAfter));
        assertThat(all(first)).as("read at +%s", readAfter).isEqualTo(all(reference));
      }
    }
  }

  /**
   * One writer's batch of a round: a join and a leave of its own peer in half of the round's
   * new meetings, chosen and ordered its own way, plus the host's join and leave of each, which
   * every writer naming the meeting sends (the same events, recorded once).
   */
  private static List<Map<String, Object>> batch(int writer, int round) {
    List<Integer> meetings = new ArrayList<>();
    for (int m = 0; m < MEETINGS; m++) {
      meetings.add(m);
    }
    Collections.shuffle(meetings, new Random(writer * 1000L + round));
    meetings = meetings.subList(0, MEETINGS / 2);
    double start = round * 3600;
    Events own = new Events(BASE, "r" + round + "-w" + writer + "-");
    Events host = new Events(BASE, "r" + round + "-host-");
    List<Map<String, Object>> batch = new ArrayList<>();
    for (int m : meetings) {
      String meeting = "r" + round + "-m" + m;
      host.join(meeting, "host-" + m, start + m).with("id", "r" + round + "-m" + m + "-host-join")
          .leave(meeting, "host-" + m, start + 900 + m).with("id", "r" + round + "-m" + m + "-host-leave");
      own.join(meeting, "p" + writer, start + 10 + writer + m).leave(meeting, "p" + writer, start + 600 + writer);
    }
    batch.addAll(own.list());
    batch.addAll(host.list());
    Collections.shuffle(batch, new Random(writer * 7919L + round));
    return batch;
  }

  /** Every session of the app, page by page. */
  private static List<JsonNode> all(TestService t) {
    List<JsonNode> sessions = new ArrayList<>();
    for (int page = 1; ; page++) {
      ApiClient.Response r = t.listSessions(APP, "sort_order=ASC&per_page=200&page_no=" + page);
      assertThat(r.status()).isEqualTo(200);
      r.body().at("/data/sessions").forEach(sessions::add);
      if (sessions.size() >= r.body().at("/paging/total_count").asInt()) {
        assertThat(sessions.size()).isGreaterThan(ROUNDS * MEETINGS / 2);
        return sessions;
      }
    }
  }
}
