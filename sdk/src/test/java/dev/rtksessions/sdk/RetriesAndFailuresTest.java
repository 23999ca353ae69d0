package dev.rtksessions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rtksessions.sdk.StubServer.Answer;
import dev.rtksessions.sdk.exception.ApiConnectionException;
import dev.rtksessions.sdk.exception.ApiException;
import dev.rtksessions.sdk.exception.ApiTimeoutException;
import dev.rtksessions.sdk.exception.BadRequestException;
import dev.rtksessions.sdk.exception.InternalServerException;
import dev.rtksessions.sdk.exception.InvalidResponseException;
import dev.rtksessions.sdk.exception.NotFoundException;
import dev.rtksessions.sdk.exception.RateLimitException;
import dev.rtksessions.sdk.model.SessionGetSessionsResponse;
import dev.rtksessions.sdk.param.SessionGenerateSummaryOfTranscriptsParams;
import dev.rtksessions.sdk.param.SessionGetSessionsParams;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Retries, back-off, timeouts and the failures the real service cannot produce on demand,
 * against a local stub over real sockets. The client's sleeper records the back-off delays
 * instead of waiting them out, and a fixed clock dates {@code Retry-After}, so nothing here
 * depends on how long anything took.
 */
class RetriesAndFailuresTest {
  static final String EMPTY_PAGE =
      "{\"success\":true,\"data\":{\"sessions\":[]},\"paging\":{\"total_count\":0,\"start_offset\":0,\"end_offset\":0}}";
  static final SessionGetSessionsParams PARAMS = SessionGetSessionsParams.builder().accountId("acc").build();

  static final Clock NOW = Clock.fixed(Instant.parse("2025-03-04T10:00:00Z"), ZoneOffset.UTC);
  final RecordingSleeper sleeper = new RecordingSleeper();

  RealtimeKitClient client(String baseUrl, int maxRetries, Duration timeout) {
    return RealtimeKitClient.builder().apiToken("tok").baseUrl(baseUrl).environment(Map.of())
        .maxRetries(maxRetries).timeout(timeout).sleeper(sleeper).clock(NOW).build();
  }

  static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  static SessionGetSessionsResponse list(RealtimeKitClient client) {
    return client.realtimeKit().sessions().getSessions("app", PARAMS);
  }

  static String error(int status, String message) {
    return "{\"success\":false,\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\"},"
        + "\"errors\":[{\"code\":" + status + ",\"message\":\"" + message + "\"}],\"messages\":[]}";
  }

  @Test
  void a429WithRetryAfterIsRetriedAfterTheAskedDelay() throws IOException {
    try (StubServer stub = new StubServer(
        Answer.json(429, error(429, "slow down")).withHeader("Retry-After", "1"),
        Answer.json(200, EMPTY_PAGE))) {
      assertThat(list(client(stub.baseUrl(), 2, Duration.ofSeconds(5))).sessions()).isEmpty();
      assertThat(stub.received()).hasSize(2);
      // One second asked; the default back-off for a first retry would be 375-500 ms.
      assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(1));
    }
  }

  @Test
  void retryAfterMsWinsOverRetryAfter() throws IOException {
    try (StubServer stub = new StubServer(
        Answer.json(429, error(429, "slow down")).withHeader("Retry-After", "30").withHeader("retry-after-ms", "50"),
        Answer.json(200, EMPTY_PAGE))) {
      list(client(stub.baseUrl(), 2, Duration.ofSeconds(5)));
      assertThat(stub.received()).hasSize(2);
      assertThat(sleeper.delays()).containsExactly(ms(50));
    }
  }

  @Test
  void a503TwiceThenSuccessBacksOffExponentially() throws IOException {
    try (StubServer stub = new StubServer(
        Answer.json(503, error(503, "storage unavailable, retry later")),
        Answer.json(503, error(503, "storage unavailable, retry later")),
        Answer.json(200, EMPTY_PAGE))) {
      assertThat(list(client(stub.baseUrl(), 2, Duration.ofSeconds(5))).paging().totalCount()).isZero();
      List<StubServer.Received> r = stub.received();
      assertThat(r).hasSize(3);
      // 0.5 s then 1 s, each less up to 25 % jitter.
      assertThat(sleeper.delays()).hasSize(2);
      assertThat(sleeper.delays().get(0)).isBetween(ms(375), ms(500));
      assertThat(sleeper.delays().get(1)).isBetween(ms(750), ms(1000));
    }
  }

  @Test
  void whenRetriesRunOutTheLastFailureIsThrownByKind() throws IOException {
    try (StubServer stub = new StubServer(
        Answer.json(503, error(503, "storage unavailable, retry later")).withHeader("retry-after-ms", "10"))) {
      InternalServerException e = catchThrowableOfType(InternalServerException.class,
          () -> list(client(stub.baseUrl(), 3, Duration.ofSeconds(5))));
      assertThat(stub.received()).hasSize(4);
      assertThat(sleeper.delays()).containsExactly(ms(10), ms(10), ms(10));
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.errorMessage()).hasValue("storage unavailable, retry later");
      assertThat(e.method()).isEqualTo("GET");
      assertThat(e.url()).isEqualTo(stub.baseUrl() + "/accounts/acc/realtime/kit/app/sessions");
      assertThat(e.getMessage()).isEqualTo("GET " + e.url() + " failed with 503: storage unavailable, retry later");
      assertThat(e.body()).contains("\"success\":false");
    }
  }

  @Test
  void aRateLimitThatOutlastsTheRetriesCarriesTheDelay() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(429, error(429, "rate limited")).withHeader("Retry-After", "7"))) {
      RateLimitException e = catchThrowableOfType(RateLimitException.class,
          () -> list(client(stub.baseUrl(), 0, Duration.ofSeconds(5))));
      assertThat(stub.received()).hasSize(1);
      assertThat(e.statusCode()).isEqualTo(429);
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }
  }

  @Test
  void clientErrorsAreNotRetriedExcept408And409() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(400, error(400, "per_page must be an integer between 1 and 200, got \\\"0\\\"")))) {
      BadRequestException e = catchThrowableOfType(BadRequestException.class,
          () -> list(client(stub.baseUrl(), 2, Duration.ofSeconds(5))));
      assertThat(e.errorMessage()).hasValue("per_page must be an integer between 1 and 200, got \"0\"");
      assertThat(stub.received()).hasSize(1);
    }
    try (StubServer stub = new StubServer(Answer.json(404, error(404, "gone")))) {
      catchThrowableOfType(NotFoundException.class, () -> list(client(stub.baseUrl(), 2, Duration.ofSeconds(5))));
      assertThat(stub.received()).hasSize(1);
    }
    for (int status : new int[] {408, 409}) {
      try (StubServer stub = new StubServer(
          Answer.json(status, error(status, "again")).withHeader("retry-after-ms", "10"),
          Answer.json(200, EMPTY_PAGE))) {
        list(client(stub.baseUrl(), 2, Duration.ofSeconds(5)));
        assertThat(stub.received()).as("status %d", status).hasSize(2);
      }
    }
  }

  @Test
  void theServerCanSayNotToRetry() throws IOException {
    try (StubServer stub = new StubServer(
        Answer.json(503, error(503, "down")).withHeader("x-should-retry", "false"),
        Answer.json(200, EMPTY_PAGE))) {
      catchThrowableOfType(InternalServerException.class, () -> list(client(stub.baseUrl(), 2, Duration.ofSeconds(5))));
      assertThat(stub.received()).hasSize(1);
    }
  }

  @Test
  void aDroppedConnectionIsRetriedThenReportedAsAConnectionFailure() throws Exception {
    try (DroppingServer server = new DroppingServer()) {
      String base = server.baseUrl();
      // A POST: the JDK's HttpClient itself silently repeats an idempotent GET once on a
      // dropped connection, which would double the count; a POST shows the SDK's attempts alone.
      // Asking for a summary is idempotent (a second ask finds it built), so it is retried.
      ApiConnectionException e = catchThrowableOfType(ApiConnectionException.class,
          () -> client(base, 2, Duration.ofSeconds(5)).realtimeKit().sessions().generateSummaryOfTranscripts("s-1",
              SessionGenerateSummaryOfTranscriptsParams.builder().accountId("acc").appId("app").build()));
      assertThat(e).isNotInstanceOf(ApiTimeoutException.class);
      assertThat(e.getCause()).isInstanceOf(IOException.class);
      assertThat(e.method()).isEqualTo("POST");
      assertThat(e.getMessage()).startsWith("POST " + base + "/accounts/acc/realtime/kit/app/sessions/s-1/summary")
          .contains("after 3 attempt(s)");
      assertThat(server.connections()).isEqualTo(3);
      assertThat(sleeper.delays()).hasSize(2);
      assertThat(sleeper.delays().get(0)).isBetween(ms(375), ms(500));
      assertThat(sleeper.delays().get(1)).isBetween(ms(750), ms(1000));

      server.resetCount();
      assertThat(catchThrowableOfType(ApiConnectionException.class, () -> list(client(base, 1, Duration.ofSeconds(5)))))
          .hasMessageContaining("after 2 attempt(s)");
      assertThat(server.connections()).isIn(2, 4);
    }
  }

  @Test
  void aRefusedConnectionIsAConnectionFailure() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    ApiConnectionException e = catchThrowableOfType(ApiConnectionException.class,
        () -> list(client("http://127.0.0.1:" + port + "/client/v4", 0, Duration.ofSeconds(5))));
    assertThat(e.url()).startsWith("http://127.0.0.1:" + port + "/client/v4/accounts/");
    assertThat(e.method()).isEqualTo("GET");
  }

  @Test
  void aSlowAnswerTimesOutOnEveryAttempt() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(200, EMPTY_PAGE).after(Duration.ofSeconds(3)))) {
      ApiTimeoutException e = catchThrowableOfType(ApiTimeoutException.class,
          () -> list(client(stub.baseUrl(), 1, Duration.ofMillis(300))));
      assertThat(e.getMessage()).contains("after 2 attempt(s)");
      assertThat(stub.received()).hasSize(2);
      assertThat(sleeper.delays()).hasSize(1);
    }
  }

  @Test
  void errorMessagesComeFromEitherErrorShapeOrTheText() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(403,
        "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"messages\":[],\"result\":null}"))) {
      ApiException e = catchThrowableOfType(ApiException.class, () -> list(client(stub.baseUrl(), 0, Duration.ofSeconds(5))));
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.errorMessage()).hasValue("Authentication error");
      assertThat(e.bodyJson()).isPresent();
    }
    try (StubServer stub = new StubServer(new Answer(502, Map.of("Content-Type", "text/html"),
        "<html>Bad gateway</html>", Duration.ZERO))) {
      InternalServerException e = catchThrowableOfType(InternalServerException.class,
          () -> list(client(stub.baseUrl(), 0, Duration.ofSeconds(5))));
      assertThat(e.statusCode()).isEqualTo(502);
      assertThat(e.errorMessage()).hasValue("<html>Bad gateway</html>");
      assertThat(e.bodyJson()).isEmpty();
    }
    try (StubServer stub = new StubServer(Answer.json(415, error(415, "Content-Type must be application/json")))) {
      ApiException e = catchThrowableOfType(ApiException.class, () -> list(client(stub.baseUrl(), 0, Duration.ofSeconds(5))));
      // No subclass for 415: the base class, still with status and message.
      assertThat(e.getClass()).isEqualTo(ApiException.class);
      assertThat(e.statusCode()).isEqualTo(415);
    }
  }

  @Test
  void aSuccessThatIsNotJsonIsAnInvalidResponse() throws IOException {
    try (StubServer stub = new StubServer(new Answer(200, Map.of("Content-Type", "text/plain"), "ok", Duration.ZERO))) {
      InvalidResponseException e = catchThrowableOfType(InvalidResponseException.class,
          () -> list(client(stub.baseUrl(), 2, Duration.ofSeconds(5))));
      assertThat(e.getMessage()).contains("not JSON").contains("ok");
      assertThat(stub.received()).hasSize(1);
    }
  }

  @Test
  void retryAfterIsReadAsMillisecondsSecondsOrAnHttpDate() {
    assertThat(retryAfter(Map.of("retry-after-ms", "1500"))).contains(ms(1500));
    assertThat(retryAfter(Map.of("Retry-After", "2"))).contains(Duration.ofSeconds(2));
    assertThat(retryAfter(Map.of("Retry-After", "0.25"))).contains(ms(250));
    String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(NOW).plusSeconds(10));
    assertThat(retryAfter(Map.of("Retry-After", inTenSeconds))).contains(Duration.ofSeconds(10));
    String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(NOW).minusSeconds(10));
    assertThat(retryAfter(Map.of("Retry-After", past))).contains(Duration.ZERO);
    assertThat(retryAfter(Map.of("Retry-After", "soon"))).isEmpty();
    assertThat(retryAfter(Map.of())).isEmpty();
    // Honoured only when positive and under a minute; otherwise the back-off of that retry.
    assertThat(HttpTransport.delayBeforeRetry(Optional.of(Duration.ofSeconds(3)), 0)).isEqualTo(Duration.ofSeconds(3));
    assertThat(HttpTransport.delayBeforeRetry(Optional.of(Duration.ofMinutes(5)), 0))
        .isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    assertThat(HttpTransport.delayBeforeRetry(Optional.of(Duration.ZERO), 1))
        .isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
  }

  @Test
  void backOffDoublesUpToEightSecondsWithAtMostAQuarterOff() {
    for (int i = 0; i < 200; i++) {
      assertThat(HttpTransport.defaultDelay(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
      assertThat(HttpTransport.defaultDelay(2)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2000));
      assertThat(HttpTransport.defaultDelay(10)).isBetween(Duration.ofMillis(6000), Duration.ofMillis(8000));
    }
  }

  private static Optional<Duration> retryAfter(Map<String, String> values) {
    Map<String, List<String>> map = new HashMap<>();
    values.forEach((k, v) -> map.put(k, List.of(v)));
    return HttpTransport.retryAfter(HttpHeaders.of(map, (k, v) -> true), NOW);
  }
}
