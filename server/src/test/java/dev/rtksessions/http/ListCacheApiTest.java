package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A service keeps session list answers for repeated requests. Whatever changes what a list
 * shows must show at once: events and meeting edits made by another process on the same
 * store, and the clock ending a LIVE session. The other process keeps nothing, so its answers,
 * on the same store and clock, are the expected ones.
 */
class ListCacheApiTest {
  static final Instant BASE = TestService.EPOCH.minus(Duration.ofHours(1));
  static final List<String> QUERIES = List.of("", "status=LIVE", "status=ENDED", "search=quokka",
      "participants=2:", "per_page=2&page_no=2", "sort_order=ASC", "sort_by=minutesConsumed",
      "status=ENDED&search=quokka", "associated_id=m-1", "start_time=" + BASE.plusSeconds(1500));

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void keptAnswersFollowEveryChange(TestDatabases.Kind kind) {
    String url = TestDatabases.fresh(kind);
    MutableClock clock = new MutableClock(TestService.EPOCH);
    try (TestService keeping = TestService.start(url, clock);
        TestService other = TestService.start(url, clock, c -> c.withListCacheSize(0))) {
      String app = keeping.appId;
      assertSameAnswers(keeping, other, app);

      // Ended sessions in six meetings, one titled with the search word.
      Events ended = new Events(BASE, "ended");
      for (int m = 0; m < 6; m++) {
        ended.join("m-" + m, "a-" + m, m * 300).with("meeting_title", m == 2 ? "Quokka sync" : "Plan " + m);
        if (m % 2 == 0) {
          ended.join("m-" + m, "b-" + m, m * 300 + 20);
          ended.leave("m-" + m, "b-" + m, m * 300 + 200);
        }
        ended.leave("m-" + m, "a-" + m, m * 300 + 250);
      }
      assertThat(other.postEvents(app, ended.json()).status()).isEqualTo(200);
      assertSameAnswers(keeping, other, app);

      // Two LIVE sessions: one with a peer present, one in its keep-alive after its last leave.
      Events live = new Events(BASE, "live").join("m-live", "x", 3500).with("meeting_title", "Live room")
          .join("m-1", "y", 3550).leave("m-1", "y", 3590);
      assertThat(other.postEvents(app, live.json()).status()).isEqualTo(200);
      assertSameAnswers(keeping, other, app);
      assertThat(total(keeping, app, "status=LIVE")).isEqualTo(2);

      // A title edited by the other process: the search finds the meeting's sessions at once.
      long quokkas = total(keeping, app, "search=quokka");
      assertThat(other.client.send("PATCH", other.appPath(app) + "/meetings/m-4", other.adminToken,
          "{\"title\":\"Quokka retro\"}").status()).isEqualTo(200);
      assertThat(total(keeping, app, "search=quokka")).isEqualTo(quokkas + 1);
      assertSameAnswers(keeping, other, app);

      // The keep-alive runs out with no write: the session is ENDED by the clock alone.
      clock.set(TestService.EPOCH.plus(Duration.ofMinutes(10)));
      assertSameAnswers(keeping, other, app);
      assertThat(total(keeping, app, "status=LIVE")).isEqualTo(1);

      // Answers are kept, and the change number is what retires them: a row changed behind the
      // service's back, without counting a change, is not seen until a change is counted.
      int peak = firstSession(keeping, app).get("max_concurrent_participants").asInt();
      keeping.service.database().write(c -> {
        try (PreparedStatement ps = c.prepareStatement("UPDATE sessions SET peak_count = 99 WHERE app_id = ?")) {
          ps.setString(1, app);
          return ps.executeUpdate();
        }
      });
      assertThat(firstSession(keeping, app).get("max_concurrent_participants").asInt()).isEqualTo(peak);
      assertThat(firstSession(other, app).get("max_concurrent_participants").asInt()).isEqualTo(99);
      keeping.service.database().write(c -> {
        keeping.service.stores().changes().record(c, app);
        return null;
      });
      assertThat(firstSession(keeping, app).get("max_concurrent_participants").asInt()).isEqualTo(99);
    }
  }

  /** Each query asked twice of the keeping service (the second from what it kept) and once of the other. */
  private static void assertSameAnswers(TestService keeping, TestService other, String app) {
    for (String q : QUERIES) {
      ApiClient.Response expected = other.listSessions(app, q);
      assertThat(expected.status()).as(q).isEqualTo(200);
      for (int i = 0; i < 2; i++) {
        assertThat(keeping.listSessions(app, q).body()).as("%s, asked %d times", q, i + 1)
            .isEqualTo(expected.body());
      }
    }
  }

  private static long total(TestService t, String app, String query) {
    return t.listSessions(app, query).body().get("paging").get("total_count").asLong();
  }

  private static JsonNode firstSession(TestService t, String app) {
    return t.listSessions(app, "").body().get("data").get("sessions").get(0);
  }
}
