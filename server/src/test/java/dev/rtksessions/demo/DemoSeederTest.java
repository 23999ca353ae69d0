package dev.rtksessions.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DemoSeederTest {
  private static final String SESSIONS =
      "/accounts/" + DemoSeeder.ACCOUNT_ID + "/realtime/kit/" + DemoSeeder.APP_ID + "/sessions";

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void seedsARealisticHistoryOnceThroughTheEngine(TestDatabases.Kind kind) {
    try (TestService t = TestService.start(kind)) {
      DemoSeeder seeder = new DemoSeeder(t.service.catalog(), t.service.engine(), t.service.stores());
      long started = System.nanoTime();
      DemoSeeder.Result first = seeder.seed();
      System.out.printf("demo seed on %s: %d sessions in %d ms%n", kind, first.sessions(),
          (System.nanoTime() - started) / 1_000_000);

      assertThat(first.seededNow()).isTrue();
      assertThat(first.accountId()).isEqualTo("demo-account");
      assertThat(first.appId()).isEqualTo(DemoSeeder.APP_ID);
      assertThat(first.sessions()).isBetween(2_000L, 4_000L);
      assertThat(total(t, "")).isEqualTo(first.sessions());
      // participants=0: is answered by a real count, not the app's session counter: the two agree.
      assertThat(total(t, "participants=0:")).isEqualTo(first.sessions());

      assertThat(total(t, "status=LIVE")).isBetween(5L, 30L);
      assertThat(total(t, "status=ENDED")).isGreaterThan(first.sessions() - 30);
      assertThat(total(t, "participants=20:")).isPositive();
      assertThat(total(t, "participants=1")).isPositive();
      assertThat(total(t, "search=standup")).isPositive();

      List<JsonNode> sessions = all(t);
      assertThat(sessions).hasSize((int) first.sessions());
      assertThat(sessions).allSatisfy(s -> assertThat(s.get("meeting_display_name").asText()).isNotEmpty());
      Instant oldest = Instant.parse(sessions.get(sessions.size() - 1).get("started_at").asText());
      assertThat(oldest).isBetween(TestService.EPOCH.minus(Duration.ofDays(43)),
          TestService.EPOCH.minus(Duration.ofDays(35)));
      // One session in its keep-alive window: LIVE, though everyone has left.
      assertThat(sessions).anySatisfy(s -> {
        assertThat(s.get("status").asText()).isEqualTo("LIVE");
        assertThat(s.get("live_participants").asInt()).isZero();
      });

      List<JsonNode> withRooms = sessions.stream().filter(s -> !s.get("breakout_rooms").isEmpty()).toList();
      assertThat(withRooms).isNotEmpty();
      for (JsonNode parent : withRooms) {
        for (JsonNode room : parent.get("breakout_rooms")) {
          assertThat(room.get("started_at").asText()).isGreaterThan(parent.get("started_at").asText());
          if (parent.has("ended_at")) {
            assertThat(room.get("ended_at").asText()).isLessThan(parent.get("ended_at").asText());
          }
        }
      }

      DemoSeeder.Result again = seeder.seed();
      assertThat(again.seededNow()).isFalse();
      assertThat(again.sessions()).isEqualTo(first.sessions());
      assertThat(total(t, "")).isEqualTo(first.sessions());
    }
  }

  private static long total(TestService t, String query) {
    ApiClient.Response r = t.client.get(SESSIONS + "?per_page=1&" + query, t.adminToken);
    assertThat(r.status()).as(query).isEqualTo(200);
    return r.body().get("paging").get("total_count").asLong();
  }

  /** Every top-level session, newest first. */
  private static List<JsonNode> all(TestService t) {
    List<JsonNode> sessions = new ArrayList<>();
    for (int page = 1; ; page++) {
      ApiClient.Response r = t.client.get(SESSIONS + "?per_page=200&page_no=" + page, t.adminToken);
      assertThat(r.status()).isEqualTo(200);
      JsonNode list = r.body().get("data").get("sessions");
      if (list.isEmpty()) {
        return sessions;
      }
      list.forEach(sessions::add);
    }
  }
}
