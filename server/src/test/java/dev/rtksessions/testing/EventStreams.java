package dev.rtksessions.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated, realistic event histories: several meetings (one of them a breakout room),
 * peers joining and leaving, gaps around the keep-alive, explicit ends, and a few sessions
 * still running at the end. Returned in event-time order.
 */
public final class EventStreams {
  private EventStreams() {}

  public static List<Map<String, Object>> generate(long seed, int meetings, Instant base) {
    Random random = new Random(seed);
    List<Map<String, Object>> events = new ArrayList<>();
    int[] counter = {0};
    for (int m = 0; m < meetings; m++) {
      String meeting = "gm-" + seed + "-" + m;
      String parent = m > 0 && m % 4 == 0 ? "gm-" + seed + "-" + (m - 1) : null;
      long t = random.nextInt(600_000);
      int sessions = 2 + random.nextInt(4);
      for (int s = 0; s < sessions; s++) {
        int peers = 1 + random.nextInt(random.nextInt(10) < 8 ? 4 : 12);
        long lastLeave = t;
        boolean running = s == sessions - 1 && random.nextInt(3) == 0;
        for (int p = 0; p < peers; p++) {
          String peer = meeting + "-s" + s + "-p" + p;
          long join = t + random.nextInt(120_000);
          Map<String, Object> e = event(counter, "participant.joined", meeting, peer, base, join);
          e.put("display_name", "Peer " + p);
          e.put("custom_participant_id", "user-" + random.nextInt(20));
          if (parent != null) {
            e.put("parent_meeting_id", parent);
          }
          events.add(e);
          if (!running || p % 2 == 0) {
            long leave = join + random.nextInt(900_000);
            events.add(event(counter, "participant.left", meeting, peer, base, leave));
            lastLeave = Math.max(lastLeave, leave);
          }
        }
        if (!running && random.nextInt(5) == 0) {
          lastLeave += random.nextInt(30_000);
          events.add(event(counter, "session.ended", meeting, null, base, lastLeave));
        }
        // Gaps straddle the 60 s keep-alive, so some sessions merge and some do not.
        t = lastLeave + 40_000 + random.nextInt(60_000);
      }
    }
    events.sort(Comparator.comparing((Map<String, Object> e) -> Instant.parse((String) e.get("at"))));
    return events;
  }

  private static Map<String, Object> event(int[] counter, String type, String meeting, String peer, Instant base,
      long offsetMillis) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", "ev-" + (counter[0]++));
    e.put("type", type);
    e.put("meeting_id", meeting);
    if (peer != null) {
      e.put("peer_id", peer);
    }
    e.put("at", base.plusMillis(offsetMillis).toString());
    return e;
  }

  /**
   * Random batches of shuffled events with some repeated; a batch refused because a leave
   * came before its join is sent again later, as a real sender would.
   */
  public static void deliverShuffled(TestService t, String app, List<Map<String, Object>> history,
      Random random) {
    List<Map<String, Object>> stream = new ArrayList<>(history);
    for (int i = 0; i < history.size() / 4; i++) {
      stream.add(history.get(random.nextInt(history.size())));
    }
    Collections.shuffle(stream, random);
    Deque<Map<String, Object>> queue = new ArrayDeque<>(stream);
    int rejected = 0;
    while (!queue.isEmpty()) {
      int size = 1 + random.nextInt(40);
      List<Map<String, Object>> batch = new ArrayList<>();
      while (batch.size() < size && !queue.isEmpty()) {
        batch.add(queue.poll());
      }
      ApiClient.Response r = t.postEvents(app, Events.json(batch));
      if (r.status() == 422) {
        rejected++;
        List<Map<String, Object>> retry = new ArrayList<>(queue);
        retry.addAll(batch);
        Collections.shuffle(retry.subList(0, retry.size()), random);
        queue = new ArrayDeque<>(retry);
      } else {
        assertThat(r.status()).as("shuffled batch: %s", r.body()).isEqualTo(200);
      }
      assertThat(rejected).as("delivery makes progress").isLessThan(10_000);
    }
  }

}
