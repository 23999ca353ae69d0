package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.RawHttp;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Requests malformed at the HTTP level (in the request line or the headers) are answered with
 * the error envelope like any other error, saying what is wrong: those Undertow's parser
 * refuses before any handler runs as well as those it lets through. Raw sockets, since no
 * HTTP client sends such requests. Nothing here depends on the store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsTest {
  private TestService t;

  @BeforeAll
  void start() {
    t = TestService.start(TestDatabases.Kind.SQLITE);
  }

  @AfterAll
  void stop() {
    t.close();
  }

  private String sessions() {
    return HttpApi.BASE_PATH + t.appPath() + "/sessions";
  }

  private RawHttp.Response get(String target, String headers) {
    return RawHttp.exchange(t.service.port(), "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer " + t.adminToken + "\r\n" + headers + "\r\n");
  }

  private static void assertEnvelope(RawHttp.Response r, int status, String... messageParts) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    JsonNode body = r.json();
    assertThat(body.at("/success").asBoolean()).isFalse();
    assertThat(body.at("/errors/0/code").asInt()).isEqualTo(status);
    assertThat(body.at("/error/message").asText()).contains(messageParts);
  }

  @Test
  void malformedPercentEncodingInTheQueryNamesTheParameter() {
    assertEnvelope(get(sessions() + "?per_page=5&search=%zz", ""), 400,
        "the query parameter search is not valid percent-encoding", "\"%zz\" at character 1");
    assertEnvelope(get(sessions() + "?search=%", ""), 400,
        "the query parameter search is not valid percent-encoding", "% must be followed by two hex digits");
    assertEnvelope(get(sessions() + "?search=abc%4", ""), 400, "the query parameter search", "\"%4\" at character 4");
    assertEnvelope(get(sessions() + "?sea%rch=x", ""), 400, "the query parameter name \"sea%rch\"");
  }

  @Test
  void percentEncodedBytesThatAreNotUtf8OrControlCharacters() {
    assertEnvelope(get(sessions() + "?search=%ff", ""), 400, "the query parameter search",
        "its bytes are not UTF-8 text");
    assertEnvelope(get(sessions() + "?search=a%00b", ""), 400, "the query parameter search",
        "the control character U+0000");
    assertThat(get(sessions() + "?search=%C3%A9t%C3%A9", "").status()).isEqualTo(200);
  }

  @Test
  void moreThanAThousandQueryParameters() {
    assertEnvelope(get(sessions() + "?a=1" + "&a=1".repeat(1000), ""), 400,
        "a query may hold at most 1000 parameters, got 1001");
    assertThat(get(sessions() + "?a=1" + "&a=1".repeat(999), "").status()).isEqualTo(200);
  }

  @Test
  void aRawSpaceInThePath() {
    assertEnvelope(get("/a b", ""), 400, "must not contain a raw space", "%20");
    assertEnvelope(get(sessions() + "?search=a b", ""), 400, "must not contain a raw space");
  }

  @Test
  void aHashOrOtherUnsafeCharactersInThePath() {
    assertEnvelope(get("/a#b", ""), 404, "no route for GET /a#b");
    assertEnvelope(get(HttpApi.BASE_PATH + "/accounts/acc#1/realtime/kit/" + t.appId + "/sessions", ""), 400,
        "account_id must be 1-32 characters");
    assertEnvelope(get(HttpApi.BASE_PATH + t.appPath() + "/sessions/s<1>", ""), 400,
        "session_id must be 1-64 characters");
  }

  @Test
  void malformedPercentEncodingInThePath() {
    assertEnvelope(get(HttpApi.BASE_PATH + t.appPath() + "/sessions/a%zz", ""), 400,
        "the path is not valid percent-encoding", "\"%zz\"");
    assertEnvelope(get(HttpApi.BASE_PATH + t.appPath() + "/sessions/a%ff", ""), 400,
        "session_id in the path is not valid percent-encoding: its bytes are not UTF-8 text");
    // Well-formed escapes are decoded before the id is checked.
    assertEnvelope(get(HttpApi.BASE_PATH + t.appPath() + "/sessions/s%3A1", ""), 404, "session s:1 not found");
  }

  @Test
  void malformedRequestLinesAndHeaders() {
    assertEnvelope(RawHttp.exchange(t.service.port(), "GARBAGE\r\n\r\n"), 400, "the request line must be");
    assertEnvelope(get(sessions(), "Bad Header: x\r\n"), 400,
        "the header line \"Bad Header: x\" is malformed: each must be Name: value");
    assertEnvelope(RawHttp.exchange(t.service.port(), "GET " + sessions() + " HTTP/1.1\r\n\r\n"), 400,
        "Host header");
    assertEnvelope(get(sessions(), "X-Long: " + "x".repeat(HttpServer.MAX_HEAD_BYTES) + "\r\n"), 400,
        "at most " + HttpServer.MAX_HEAD_BYTES + " bytes");
  }

  @Test
  void aMalformedContentLength() {
    String post = "POST " + HttpApi.BASE_PATH + t.appPath() + "/meetings HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer " + t.adminToken + "\r\nContent-Type: application/json\r\n";
    assertEnvelope(RawHttp.exchange(t.service.port(), post + "Content-Length: abc\r\n\r\n{}"), 400,
        "Content-Length must be a whole number of bytes, got \"abc\"");
    assertEnvelope(RawHttp.exchange(t.service.port(), post + "Content-Length: -2\r\n\r\n{}"), 400,
        "Content-Length must be a whole number of bytes, got \"-2\"");
    assertEnvelope(RawHttp.exchange(t.service.port(), post + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
        400, "Content-Length must be given once, got 2 values");
  }

  /**
   * The one malformed request that gets no answer: Undertow's chunked decoder closes the
   * connection itself when the coding is broken (ChunkedStreamSourceConduit), before any code
   * of ours can answer. The client sees the connection close, at once.
   */
  @Test
  void aMalformedChunkedBodyClosesTheConnection() throws IOException {
    String post = "POST " + HttpApi.BASE_PATH + t.appPath() + "/meetings HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Authorization: Bearer " + t.adminToken + "\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n";
    try (Socket s = RawHttp.open(t.service.port(), post + "fffffffffffffffff\r\n{}\r\n0\r\n\r\n")) {
      s.setSoTimeout(2_000);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
    RawHttp.Response good = RawHttp.exchange(t.service.port(), post + "2\r\n{}\r\n0\r\n\r\n");
    assertThat(good.status()).as(good.body()).isEqualTo(201);
  }

  @Test
  void aMalformedRequestAfterAGoodOneOnTheSameConnection() throws IOException {
    String good = "GET " + sessions() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + t.adminToken
        + "\r\n\r\n";
    try (Socket s = RawHttp.open(t.service.port(), good)) {
      assertThat(RawHttp.read(s.getInputStream()).status()).isEqualTo(200);
      s.getOutputStream().write(("GET " + sessions() + "?search=%zz HTTP/1.1\r\nHost: x\r\n\r\n").getBytes());
      assertEnvelope(RawHttp.read(s.getInputStream()), 400, "the query parameter search");
    }
  }
}
