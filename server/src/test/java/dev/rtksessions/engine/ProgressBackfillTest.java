package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.EventStreams;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store whose events were recorded before meetings kept their progress (migration V3) is
 * brought up to date by V7, and events arriving afterwards give what in-order delivery into a
 * fresh store gives; V8 counts the sessions that are there into the counters the engine then keeps.
 */
class ProgressBackfillTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");
  static final String APP = "backfill-app";

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void eventsAfterTheBackfillMatchInOrderDelivery(TestDatabases.Kind kind) throws Exception {
    List<Map<String, Object>> history = EventStreams.generate(11, 10, BASE);
    int half = history.size() / 2;
    String url = TestDatabases.fresh(kind);
    try (TestService before = TestService.start(url, new MutableClock(BASE))) {
      before.service.catalog().ensureApp(before.accountId, APP, "backfill");
      post(before, history.subList(0, half));
    }
    // What a store written before V3 looks like: no progress, no counters (V8), no change
    // numbers (V9), no held events or settings (V10), no webhooks out or LiveKit keys (V11, V12)
    // and sessions with peers present LIVE for ever (before the stale limit), and V7 to V12 not
    // yet applied; they run when the service starts on it.
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.executeUpdate("UPDATE meetings SET current_session_id = NULL, last_event_at = NULL,"
          + " last_event_rank = NULL, last_event_id = NULL");
      st.executeUpdate("DROP TABLE session_buckets");
      st.executeUpdate("ALTER TABLE meetings DROP COLUMN session_count");
      st.executeUpdate("ALTER TABLE apps ADD COLUMN session_count BIGINT NOT NULL DEFAULT 0");
      st.executeUpdate("DROP TABLE app_changes");
      st.executeUpdate("UPDATE sessions SET live_until = " + Long.MAX_VALUE + " WHERE live_count > 0");
      st.executeUpdate("DROP TABLE held_events");
      st.executeUpdate("DROP TABLE service_settings");
      for (String table : List.of("livekit_keys", "webhook_subscriptions", "session_end_watch", "service_keys",
          "webhook_outbox")) {
        st.executeUpdate("DROP TABLE " + table);
      }
      st.executeUpdate("DELETE FROM flyway_schema_history WHERE version IN ('7', '8', '9', '10', '11', '12')");
    }

    try (TestService after = TestService.start(url, new MutableClock(BASE));
        TestService reference = TestService.start(TestDatabases.Kind.SQLITE)) {
      reference.service.catalog().ensureApp(reference.accountId, APP, "reference");
      post(reference, history);
      post(after, history.subList(half, history.size()));
      for (Duration readAfter : List.of(Duration.ofMinutes(30), Duration.ofDays(1))) {
        after.clock.set(BASE.plus(readAfter));
        reference.clock.set(BASE.plus(readAfter));
        assertThat(all(after)).as("read at +%s", readAfter).isEqualTo(all(reference));
      }
      List<String> wrongCounters = after.service.database().read(c -> after.service.stores().counts().verify(c));
      assertThat(wrongCounters).as("counters backfilled by V8, then maintained").isEmpty();
    }
  }

  private static void post(TestService t, List<Map<String, Object>> events) {
    for (int i = 0; i < events.size(); i += 40) {
      ApiClient.Response r = t.postEvents(APP, Events.json(events.subList(i, Math.min(i + 40, events.size()))));
      assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
    }
  }

  private static JsonNode all(TestService t) {
    ApiClient.Response r = t.listSessions(APP, "sort_order=ASC&per_page=200");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("paging").get("total_count").asInt()).isGreaterThan(10);
    return r.body();
  }
}
