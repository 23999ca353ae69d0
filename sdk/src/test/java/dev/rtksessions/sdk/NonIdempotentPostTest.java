package dev.rtksessions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rtksessions.sdk.StubServer.Answer;
import dev.rtksessions.sdk.exception.ApiConnectionException;
import dev.rtksessions.sdk.exception.ApiException;
import dev.rtksessions.sdk.exception.ApiTimeoutException;
import dev.rtksessions.sdk.param.AppPostParams;
import dev.rtksessions.sdk.param.EventPostParams;
import dev.rtksessions.sdk.param.MeetingCreateParams;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The POSTs that create something ({@code apps().post}, {@code meetings().create}) are retried
 * only when the server surely did nothing, unless the caller opts in; against a local stub over
 * real sockets, with the back-off recorded instead of waited out.
 */
class NonIdempotentPostTest {
  static final String APP_CREATED = "{\"success\":true,\"data\":{\"app\":{\"id\":\"app-1\",\"name\":\"video\","
      + "\"created_at\":\"2025-03-04T10:00:00.000Z\"}}}";
  static final AppPostParams NEW_APP = AppPostParams.builder().accountId("acc").name("video").build();
  static final MeetingCreateParams NEW_MEETING = MeetingCreateParams.builder().accountId("acc").title("Sync").build();
  static final RequestOptions OPT_IN = RequestOptions.builder().retryNonIdempotent(true).build();

  final RecordingSleeper sleeper = new RecordingSleeper();

  RealtimeKitClient.Builder client(String baseUrl) {
    return RealtimeKitClient.builder().apiToken("tok").baseUrl(baseUrl).environment(Map.of()).maxRetries(2)
        .timeout(Duration.ofMillis(300)).sleeper(sleeper);
  }

  /** The first answer comes after the client's 300 ms timeout, the second at once. */
  static StubServer slowOnce() throws IOException {
    return new StubServer(Answer.json(200, APP_CREATED).after(Duration.ofSeconds(3)), Answer.json(200, APP_CREATED));
  }

  @Test
  void aPostThatCreatesIsSentOnceWhenItsAnswerTimesOut() throws IOException {
    try (StubServer stub = slowOnce()) {
      ApiTimeoutException e = catchThrowableOfType(ApiTimeoutException.class,
          () -> client(stub.baseUrl()).build().realtimeKit().apps().post(NEW_APP));
      assertThat(stub.received()).hasSize(1);
      assertThat(sleeper.delays()).isEmpty();
      assertThat(e.getMessage()).contains("after 1 attempt(s); not retried").contains("retryNonIdempotent(true)");
    }
  }

  @Test
  void optedInAPostThatCreatesIsRetriedAfterATimeout() throws IOException {
    try (StubServer stub = slowOnce()) {
      assertThat(client(stub.baseUrl()).build().realtimeKit().apps().post(NEW_APP, OPT_IN).app().id())
          .isEqualTo("app-1");
      assertThat(stub.received()).hasSize(2);
      assertThat(sleeper.delays()).hasSize(1);
    }
    try (StubServer stub = slowOnce()) {
      RealtimeKitClient optedIn = client(stub.baseUrl()).retryNonIdempotent(true).build();
      assertThat(optedIn.realtimeKit().apps().post(NEW_APP).app().id()).isEqualTo("app-1");
      assertThat(stub.received()).hasSize(2);
    }
  }

  @Test
  void aPostThatCreatesIsSentOnceOverADroppedConnectionUnlessOptedIn() throws IOException {
    try (DroppingServer server = new DroppingServer()) {
      MeetingService meetings = client(server.baseUrl()).build().realtimeKit().meetings();
      ApiConnectionException e = catchThrowableOfType(ApiConnectionException.class,
          () -> meetings.create("app", NEW_MEETING));
      assertThat(e).isNotInstanceOf(ApiTimeoutException.class);
      assertThat(e.getMessage()).contains("after 1 attempt(s); not retried");
      assertThat(server.connections()).isEqualTo(1);

      server.resetCount();
      assertThat(catchThrowableOfType(ApiConnectionException.class, () -> meetings.create("app", NEW_MEETING, OPT_IN)))
          .hasMessageContaining("after 3 attempt(s)");
      assertThat(server.connections()).isEqualTo(3);
    }
  }

  @Test
  void aPostThatCreatesIsRetriedWhenTheConnectionWasNeverMade() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ApiConnectionException e = catchThrowableOfType(ApiConnectionException.class,
        () -> client("http://127.0.0.1:" + port + "/client/v4").build().realtimeKit().apps().post(NEW_APP));
    assertThat(e.getMessage()).contains("after 3 attempt(s)").doesNotContain("not retried");
    assertThat(sleeper.delays()).hasSize(2);
  }

  @Test
  void aPostThatCreatesIsRetriedOnlyOnStatusesThatSayNothingWasDone() throws IOException {
    for (int status : new int[] {408, 429, 503}) {
      try (StubServer stub = new StubServer(Answer.json(status, "{}"), Answer.json(200, APP_CREATED))) {
        assertThat(client(stub.baseUrl()).build().realtimeKit().apps().post(NEW_APP).app().id()).isEqualTo("app-1");
        assertThat(stub.received()).as("status %d", status).hasSize(2);
      }
    }
    for (int status : new int[] {409, 500, 502, 504}) {
      try (StubServer stub = new StubServer(Answer.json(status, "{}"), Answer.json(200, APP_CREATED))) {
        ApiException e = catchThrowableOfType(ApiException.class,
            () -> client(stub.baseUrl()).build().realtimeKit().apps().post(NEW_APP));
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(stub.received()).as("status %d", status).hasSize(1);
      }
      try (StubServer stub = new StubServer(Answer.json(status, "{}"), Answer.json(200, APP_CREATED))) {
        client(stub.baseUrl()).build().realtimeKit().apps().post(NEW_APP, OPT_IN);
        assertThat(stub.received()).as("status %d, opted in", status).hasSize(2);
      }
    }
    // The server's word wins either way.
    try (StubServer stub = new StubServer(Answer.json(500, "{}").withHeader("x-should-retry", "true"),
        Answer.json(200, APP_CREATED))) {
      client(stub.baseUrl()).build().realtimeKit().apps().post(NEW_APP);
      assertThat(stub.received()).hasSize(2);
    }
  }

  @Test
  void postingEventsIsIdempotentAndRetriedAfterATimeout() throws IOException {
    String applied = "{\"success\":true,\"data\":{\"applied\":1,\"duplicates\":0,"
        + "\"results\":[{\"id\":\"e-1\",\"status\":\"applied\"}]}}";
    try (StubServer stub = new StubServer(Answer.json(200, applied).after(Duration.ofSeconds(3)),
        Answer.json(200, applied))) {
      EventPostParams batch = EventPostParams.builder().accountId("acc")
          .addEvent(EventPostParams.Event.joined("e-1", "m-1", "p-1", Instant.parse("2025-03-04T10:00:00Z"))).build();
      assertThat(client(stub.baseUrl()).build().realtimeKit().events().post("app", batch).applied()).isEqualTo(1);
      assertThat(stub.received()).hasSize(2);
      assertThat(stub.received().get(1).body()).isEqualTo(stub.received().get(0).body());
    }
  }
}
