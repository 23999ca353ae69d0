package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.RtkWebhooks;
import dev.rtksessions.testing.TestDatabases;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every time a request carries lies in years 1970 to 9999, at every entry point: events,
 * RealtimeKit webhooks (participant times, end times, link expiries) and query parameters.
 * Outside that range (down to the instants a long of milliseconds can hold, whose differences
 * overflow) it is a 400 that names the field; both ends of the range are accepted.
 */
abstract class TimestampRangeApiTest extends PerStoreTest {
  static final KeyPair KEYS = RtkWebhooks.newKeyPair();
  static final String RULE = "must be a time from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z";
  static final String FIRST = "1970-01-01T00:00:00Z";
  static final String LAST = "9999-12-31T23:59:59.999Z";
  RtkWebhooks rtk;

  @Override
  protected ServiceConfig configure(ServiceConfig config) {
    return config.withWebhookPublicKey(KEYS.getPublic());
  }

  @BeforeAll
  void sender() {
    rtk = new RtkWebhooks(t.client, KEYS.getPrivate());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1969-12-31T23:59:59.999Z", "1969-12-31", "+10000-01-01T00:00:00Z",
      "-292275055-05-16T16:47:04.192Z", "+292278994-08-17T07:12:55.807Z"})
  void eventTimesOutsideTheRangeAreA400NamingTheField(String time) {
    String body = new Events(Instant.parse("2025-03-04T10:00:00Z")).join("m", "p", 0).with("at", time).json();
    ApiClient.Response r = t.postEvents(body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().at("/error/message").asText()).contains("at " + RULE + ", got \"" + time + "\"");
  }

  @Test
  void theOverflowingJoinAndLeaveOfOneSessionAreRefused() {
    String app = t.newApp();
    String body = new Events(Instant.parse("2025-03-04T10:00:00Z"))
        .join("m", "p", 0).with("at", "-292275055-05-16T16:47:04.192Z")
        .leave("m", "p", 0).with("at", "+292278994-08-17T07:12:55.807Z").json();
    ApiClient.Response r = t.postEvents(app, body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body().at("/results")).hasSize(2);
    assertThat(t.listSessions(app, "sort_by=minutesConsumed").body().at("/paging/total_count").asInt()).isZero();
  }

  @Test
  void eventsAtBothEndsOfTheRangeAreRecorded() {
    String app = t.newApp();
    String body = new Events(Instant.parse("2025-03-04T10:00:00Z"))
        .join("m", "p", 0).with("at", FIRST).leave("m", "p", 0).with("at", LAST).json();
    assertThat(t.postEvents(app, body).status()).isEqualTo(200);
    ApiClient.Response list = t.listSessions(app, "sort_by=minutesConsumed");
    assertThat(list.body().at("/paging/total_count").asInt()).isEqualTo(1);
    assertThat(list.body().at("/data/sessions/0/started_at").asText()).isEqualTo("1970-01-01T00:00:00.000Z");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1969-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-292275055-05-16T16:47:04.192Z",
      "+292278994-08-17T07:12:55.807Z", "1969-12-31 23:59:59.999999Z"})
  void webhookTimesOutsideTheRangeAreA400NamingTheField(String time) {
    var meeting = RtkWebhooks.meeting("m-1", "s-1", "Range");
    assertRefused(RtkWebhooks.joined(meeting, "p-1", "Alice", null, time), "participant.joinedAt", time);
    assertRefused(RtkWebhooks.left(meeting, "p-1", "Alice", FIRST, time), "participant.leftAt", time);
    assertRefused(RtkWebhooks.ended(meeting, time, "HOST_ENDED_MEETING"), "meeting.endedAt", time);
    assertRefused(RtkWebhooks.chatSynced("m-1", "s-1", "https://x/chat.csv", time), "chatDownloadUrlExpiry", time);
    assertRefused(RtkWebhooks.artifact("meeting.transcript", "transcript", meeting, "https://x/t", time),
        "transcriptDownloadUrlExpiry", time);
  }

  @Test
  void webhookTimesAtBothEndsOfTheRangeAreApplied() {
    String app = t.newApp();
    var meeting = RtkWebhooks.meeting("m-1", "s-1", "Range");
    assertThat(deliver(app, RtkWebhooks.joined(meeting, "p-1", "Alice", null, "1970-01-01 00:00:00.000000Z"))
        .body().at("/data/status").asText()).isEqualTo("applied");
    assertThat(deliver(app, RtkWebhooks.left(meeting, "p-1", "Alice", FIRST, LAST))
        .body().at("/data/status").asText()).isEqualTo("applied");
    assertThat(deliver(app, RtkWebhooks.chatSynced("m-1", "s-1", "https://x/chat.csv", LAST))
        .body().at("/data/status").asText()).isEqualTo("applied");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1969-12-31T23:59:59.999Z", "+10000-01-01T00:00:00Z", "-292275055-05-16T16:47:04.192Z",
      "+292278994-08-17T07:12:55.807Z"})
  void queryTimesOutsideTheRangeAreA400NamingTheParameter(String time) {
    String encoded = URLEncoder.encode(time, StandardCharsets.UTF_8);
    for (String name : new String[] {"start_time", "end_time"}) {
      for (String list : new String[] {"/sessions", "/meetings"}) {
        ApiClient.Response r = t.get(t.appPath() + list + "?" + name + "=" + encoded);
        assertThat(r.status()).as("%s %s", list, name).isEqualTo(400);
        assertThat(r.body().at("/error/message").asText()).isEqualTo(name + " " + RULE + ", got \"" + time + "\"");
      }
    }
  }

  @Test
  void queryTimesAtBothEndsOfTheRangeAreAccepted() {
    String range = "start_time=" + FIRST + "&end_time=" + LAST;
    assertThat(t.get(t.appPath() + "/sessions?" + range).status()).isEqualTo(200);
    assertThat(t.get(t.appPath() + "/meetings?" + range).status()).isEqualTo(200);
  }

  private void assertRefused(String payload, String field, String time) {
    ApiClient.Response r = deliver(t.appId, payload);
    assertThat(r.status()).as("%s", field).isEqualTo(400);
    assertThat(r.body().at("/error/message").asText()).isEqualTo(field + " " + RULE + ", got \"" + time + "\"");
  }

  private ApiClient.Response deliver(String app, String payload) {
    return rtk.deliver(t.appPath(app), UUID.randomUUID().toString(), payload);
  }

  /** The suite on the embedded default store. */
  static final class OnSqliteTest extends TimestampRangeApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  /** The suite on PostgreSQL. */
  static final class OnPostgresTest extends TimestampRangeApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
