package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A session whose leave never comes stops reading LIVE a stale limit after its last event,
 * everywhere a session is read (list, filters and their counts, minutes order, the session,
 * its participants, the active session), is corrected by the late leave, and follows a change
 * of the limit at the next start.
 */
class StaleSessionsApiTest {
  static final Instant BASE = TestService.EPOCH;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void aSessionWhoseLeaveNeverComesEndsAtItsLastEvent(TestDatabases.Kind kind) {
    String url = TestDatabases.fresh(kind);
    MutableClock clock = new MutableClock(BASE);
    String app;
    try (TestService t = TestService.start(url, clock, c -> c.withStaleAfter(Duration.ofHours(24)))) {
      app = t.appId;
      // "lost": two peers join, one leaves; the other's leave never comes. "done": an ended
      // session with more minutes than "lost" has up to its last event.
      Events events = new Events(BASE, "e").join("lost", "a", 0).join("lost", "b", 600).leave("lost", "b", 1200)
          .join("done", "c", 0).leave("done", "c", 7200);
      assertThat(t.postEvents(app, events.json()).status()).isEqualTo(200);

      clock.set(BASE.plus(Duration.ofHours(20)));
      JsonNode lost = session(t, app, "lost");
      assertThat(lost.get("status").asText()).isEqualTo("LIVE");
      assertThat(lost.get("live_participants").asInt()).isEqualTo(1);
      assertThat(lost.get("minutes_consumed").decimalValue()).isEqualByComparingTo("1210"); // 20 h + 10 min
      assertThat(total(t, app, "status=LIVE")).isEqualTo(1);
      assertThat(firstMeeting(t, app, "sort_by=minutesConsumed&sort_order=DESC")).isEqualTo("lost");

      // 24 h after its last event (the leave at +20 min), it reads ENDED at that event.
      clock.set(BASE.plus(Duration.ofMinutes(20)).plus(Duration.ofHours(24)).plusMillis(1));
      lost = session(t, app, "lost");
      assertThat(lost.get("status").asText()).isEqualTo("ENDED");
      assertThat(lost.get("live_participants").asInt()).isZero();
      assertThat(lost.get("ended_at").asText()).isEqualTo("2025-03-04T10:20:00.000Z");
      assertThat(lost.get("minutes_consumed").decimalValue()).isEqualByComparingTo("30"); // a 20 min, b 10 min
      assertThat(total(t, app, "status=LIVE")).isZero();
      assertThat(total(t, app, "status=ENDED")).isEqualTo(2);
      assertThat(firstMeeting(t, app, "sort_by=minutesConsumed&sort_order=DESC")).isEqualTo("done");
      assertThat(firstMeeting(t, app, "sort_by=minutesConsumed&sort_order=ASC&status=ENDED")).isEqualTo("lost");
      assertThat(t.get(t.appPath(app) + "/meetings/lost/active-session").status()).isEqualTo(404);

      JsonNode participants = t.get(t.appPath(app) + "/sessions/" + lost.get("id").asText()
          + "/participants?sort_by=joinedAt&sort_order=ASC").body().at("/data/participants");
      assertThat(participants.get(0).get("left_at").asText()).as("a reads as gone at the last event")
          .isEqualTo("2025-03-04T10:20:00.000Z");
      assertThat(participants.get(0).get("duration").decimalValue()).isEqualByComparingTo("20");

      // The leave arrives after all: the session is what the events make it.
      assertThat(t.postEvents(app, new Events(BASE, "late").leave("lost", "a", 30 * 3600).json()).status())
          .isEqualTo(200);
      clock.set(BASE.plus(Duration.ofHours(31)));
      lost = session(t, app, "lost");
      assertThat(lost.get("ended_at").asText()).isEqualTo("2025-03-05T16:00:00.000Z");
      assertThat(lost.get("minutes_consumed").decimalValue()).isEqualByComparingTo("1810"); // 30 h + 10 min

      // Another session left open, to see a change of the limit at the next start.
      assertThat(t.postEvents(app, new Events(BASE, "open").join("open", "d", 0).json()).status()).isEqualTo(200);
    }
    clock.set(BASE.plus(Duration.ofHours(40)));
    try (TestService t = TestService.start(url, clock, c -> c.withStaleAfter(Duration.ofHours(24)))) {
      assertThat(session(t, app, "open").get("status").asText()).as("stale a day after its join").isEqualTo("ENDED");
      assertThat(session(t, app, "open").get("ended_at").asText()).isEqualTo("2025-03-04T10:00:00.000Z");
    }
    try (TestService t = TestService.start(url, clock, c -> c.withStaleAfter(Duration.ofHours(48)))) {
      assertThat(session(t, app, "open").get("status").asText()).as("LIVE again with two days").isEqualTo("LIVE");
      assertThat(total(t, app, "status=LIVE")).isEqualTo(1);
    }
  }

  private static JsonNode session(TestService t, String app, String meeting) {
    ApiClient.Response r = t.listSessions(app, "associated_id=" + meeting);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().at("/data/sessions")).hasSize(1);
    return r.body().at("/data/sessions/0");
  }

  private static long total(TestService t, String app, String query) {
    return t.listSessions(app, query).body().at("/paging/total_count").asLong();
  }

  private static String firstMeeting(TestService t, String app, String query) {
    return t.listSessions(app, query).body().at("/data/sessions/0/associated_id").asText();
  }
}
