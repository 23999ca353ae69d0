package dev.rtksessions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rtksessions.sdk.StubServer.Answer;
import dev.rtksessions.sdk.exception.ApiTimeoutException;
import dev.rtksessions.sdk.exception.InternalServerException;
import dev.rtksessions.sdk.model.Session;
import dev.rtksessions.sdk.param.SessionGetSessionsParams;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Per-call options override the client's settings for that call only; against a local stub over real sockets. */
class RequestOptionsTest {
  static final String EMPTY_PAGE = RetriesAndFailuresTest.EMPTY_PAGE;
  static final SessionGetSessionsParams PARAMS = SessionGetSessionsParams.builder().accountId("acc").build();

  final RecordingSleeper sleeper = new RecordingSleeper();

  RealtimeKitClient client(String baseUrl, int maxRetries, Duration timeout) {
    return RealtimeKitClient.builder().apiToken("client-token").baseUrl(baseUrl).environment(Map.of())
        .maxRetries(maxRetries).timeout(timeout).sleeper(sleeper).build();
  }

  @Test
  void aCallsTimeoutReplacesTheClientsForThatCallOnly() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(200, EMPTY_PAGE).after(Duration.ofMillis(600)))) {
      SessionService sessions = client(stub.baseUrl(), 0, Duration.ofMillis(200)).realtimeKit().sessions();
      assertThat(sessions.getSessions("app", PARAMS, RequestOptions.builder().timeout(Duration.ofSeconds(5)).build())
          .sessions()).isEmpty();
      catchThrowableOfType(ApiTimeoutException.class, () -> sessions.getSessions("app", PARAMS));
      assertThat(stub.received()).hasSize(2);
    }
  }

  @Test
  void aCallsMaxRetriesReplacesTheClients() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(503, "{}"), Answer.json(503, "{}"), Answer.json(200, EMPTY_PAGE),
        Answer.json(503, "{}"))) {
      SessionService sessions = client(stub.baseUrl(), 0, Duration.ofSeconds(5)).realtimeKit().sessions();
      sessions.getSessions("app", PARAMS, RequestOptions.builder().maxRetries(2).build());
      assertThat(stub.received()).hasSize(3);
      assertThat(sleeper.delays()).hasSize(2);
      catchThrowableOfType(InternalServerException.class, () -> sessions.getSessions("app", PARAMS));
      assertThat(stub.received()).hasSize(4);
    }
    try (StubServer stub = new StubServer(Answer.json(503, "{}"))) {
      catchThrowableOfType(InternalServerException.class, () -> client(stub.baseUrl(), 3, Duration.ofSeconds(5))
          .realtimeKit().sessions().getSessions("app", PARAMS, RequestOptions.builder().maxRetries(0).build()));
      assertThat(stub.received()).hasSize(1);
      assertThat(sleeper.delays()).hasSize(2); // none added
    }
  }

  @Test
  void headersQueryParametersAndTokenAreAddedOrReplaced() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(200, EMPTY_PAGE))) {
      SessionService sessions = client(stub.baseUrl(), 0, Duration.ofSeconds(5)).realtimeKit().sessions();
      RequestOptions options = RequestOptions.builder()
          .apiToken("call-token")
          .putHeader("X-Request-Id", "req-1")
          .putHeader("User-Agent", "my-app/1.0")
          .putQueryParam("status", "SOMETHING_NEW")
          .putQueryParam("trace", "a b")
          .build();
      sessions.getSessions("app", PARAMS.toBuilder().perPage(5).status(SessionGetSessionsParams.Status.LIVE).build(),
          options);
      sessions.getSessions("app", PARAMS);
      StubServer.Received withOptions = stub.received().get(0);
      assertThat(withOptions.rawPathAndQuery())
          .isEqualTo("/client/v4/accounts/acc/realtime/kit/app/sessions?per_page=5&status=SOMETHING_NEW&trace=a%20b");
      assertThat(withOptions.header("Authorization")).isEqualTo("Bearer call-token");
      assertThat(withOptions.header("X-Request-Id")).isEqualTo("req-1");
      assertThat(withOptions.header("User-Agent")).isEqualTo("my-app/1.0");
      StubServer.Received without = stub.received().get(1);
      assertThat(without.rawPathAndQuery()).isEqualTo("/client/v4/accounts/acc/realtime/kit/app/sessions");
      assertThat(without.header("Authorization")).isEqualTo("Bearer client-token");
      assertThat(without.header("X-Request-Id")).isNull();
      assertThat(without.header("User-Agent")).isEqualTo("rtk-sessions-sdk-java");
    }
  }

  @Test
  void aCallsBaseUrlSendsItElsewhere() throws IOException {
    try (StubServer usual = new StubServer(Answer.json(200, EMPTY_PAGE));
         StubServer other = new StubServer(Answer.json(200, EMPTY_PAGE))) {
      client(usual.baseUrl(), 0, Duration.ofSeconds(5)).realtimeKit().sessions().getSessions("app", PARAMS,
          RequestOptions.builder().baseUrl(other.baseUrl() + "/").build());
      assertThat(usual.received()).isEmpty();
      assertThat(other.received()).extracting(StubServer.Received::rawPathAndQuery)
          .containsExactly("/client/v4/accounts/acc/realtime/kit/app/sessions");
    }
  }

  @Test
  void theAutoPagerFetchesEveryPageWithTheFirstCallsOptions() throws IOException {
    try (StubServer stub = new StubServer(request -> {
      Matcher m = Pattern.compile("page_no=(\\d+)").matcher(request.rawPathAndQuery());
      int page = m.find() ? Integer.parseInt(m.group(1)) : 1;
      String session = WireShapesTest.session("s-" + page, "ENDED", "");
      return Answer.json(200, "{\"success\":true,\"data\":{\"sessions\":[" + session + "]},"
          + "\"paging\":{\"total_count\":3,\"start_offset\":" + page + ",\"end_offset\":" + page + "}}");
    })) {
      List<String> ids = client(stub.baseUrl(), 0, Duration.ofSeconds(5)).realtimeKit().sessions()
          .getSessions("app", PARAMS, RequestOptions.builder().putHeader("X-Request-Id", "walk").build())
          .autoPager().stream().map(Session::id).collect(Collectors.toList());
      assertThat(ids).containsExactly("s-1", "s-2", "s-3");
      assertThat(stub.received()).extracting(r -> r.header("X-Request-Id")).containsExactly("walk", "walk", "walk");
    }
  }

  @Test
  void optionsAreCheckedWhenSet() {
    RequestOptions.Builder b = RequestOptions.builder();
    assertThatThrownBy(() -> b.putHeader("Host", "elsewhere")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.putHeader("X-Bad", "line\nbreak")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.putQueryParam("", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.apiToken(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.baseUrl("localhost:8080")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute http(s) URL");
  }
}
