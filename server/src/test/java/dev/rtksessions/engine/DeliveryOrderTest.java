package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.model.Participant;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.EventStreams;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Duplicates and out-of-order delivery give the same sessions as in-order, once-only
 * delivery: a generated history is fed in order to a reference service, and shuffled, with
 * duplicates, in random batches to another; every session must come out identical.
 */
class DeliveryOrderTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");
  static final String APP = "delivery-app";

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void shuffledAndDuplicatedDeliveryMatchesInOrderDelivery(TestDatabases.Kind kind) {
    for (long seed : new long[] {1, 2, 3}) {
      List<Map<String, Object>> history = EventStreams.generate(seed, 12, BASE);
      try (TestService reference = TestService.start(TestDatabases.Kind.SQLITE);
          TestService shuffled = TestService.start(kind)) {
        // The same app id on both sides: derived session ids include it.
        reference.service.catalog().ensureApp(reference.accountId, APP, "reference");
        shuffled.service.catalog().ensureApp(shuffled.accountId, APP, "shuffled");
        for (int i = 0; i < history.size(); i += 50) {
          ApiClient.Response r = reference.postEvents(APP, Events.json(history.subList(i, Math.min(i + 50,
              history.size()))));
          assertThat(r.status()).as("in-order batch: %s", r.body()).isEqualTo(200);
        }
        EventStreams.deliverShuffled(shuffled, APP, history, new Random(seed));

        for (Duration readAfter : List.of(Duration.ofMinutes(30), Duration.ofHours(3), Duration.ofDays(2))) {
          reference.clock.set(BASE.plus(readAfter));
          shuffled.clock.set(BASE.plus(readAfter));
          assertThat(allSessions(shuffled)).as("seed %d, read at +%s", seed, readAfter)
              .isEqualTo(allSessions(reference));
        }
        assertThat(participantRows(shuffled)).as("participant rows, seed %d", seed)
            .isEqualTo(participantRows(reference)).hasSizeGreaterThan(50);
        List<String> wrongCounters = shuffled.service.database().read(c -> shuffled.service.stores().counts().verify(c));
        assertThat(wrongCounters).as("maintained counters against the rows, seed %d", seed).isEmpty();
      }
    }
  }

  /** Every participant row of the app's sessions, breakout rooms included, in a fixed order. */
  private static List<Participant> participantRows(TestService t) {
    List<String> ids = new ArrayList<>();
    collectIds(allSessions(t).get("data").get("sessions"), ids);
    List<Participant> rows = new ArrayList<>(t.service.database()
        .read(c -> t.service.stores().participants().forSessions(c, APP, ids)));
    rows.sort(Comparator.comparing(Participant::sessionId).thenComparing(Participant::peerId));
    return rows;
  }

  private static void collectIds(JsonNode sessions, List<String> ids) {
    for (JsonNode s : sessions) {
      ids.add(s.get("id").asText());
      collectIds(s.get("breakout_rooms"), ids);
    }
  }

  private static JsonNode allSessions(TestService t) {
    ApiClient.Response r = t.listSessions(APP, "sort_order=ASC&per_page=200");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("paging").get("total_count").asInt()).isLessThan(200).isGreaterThan(10);
    return r.body();
  }
}
