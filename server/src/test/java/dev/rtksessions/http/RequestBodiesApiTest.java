package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.Permission;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.RawHttp;
import dev.rtksessions.testing.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * When request bodies are read: only after the access checks and the route's own checks on its
 * headers, within the route's limit. Raw sockets, so that a body can be announced and withheld:
 * an answer that arrives while the body is withheld was given without reading it.
 */
abstract class RequestBodiesApiTest extends PerStoreTest {

  private String head(String method, String path, String token, String type, String length) {
    return method + " " + HttpApi.BASE_PATH + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
        + (type == null ? "" : "Content-Type: " + type + "\r\n") + length + "\r\n";
  }

  /** Sends headers announcing 1000 bytes, no body, and reads the answer. */
  private RawHttp.Response withheldBody(String method, String path, String token, String type) throws IOException {
    try (Socket s = RawHttp.open(t.service.port(), head(method, path, token, type, "Content-Length: 1000\r\n"))) {
      s.setSoTimeout(3_000); // well below the body's idle timeout: the answer did not wait for it
      return RawHttp.read(s.getInputStream());
    }
  }

  private static void assertError(RawHttp.Response r, int status, String message) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.json().at("/success").asBoolean()).isFalse();
    assertThat(r.json().at("/error/message").asText()).contains(message);
  }

  @Test
  void accessIsCheckedBeforeTheBodyIsRead() throws IOException {
    String events = t.appPath() + "/events";
    assertError(withheldBody("POST", events, null, "application/json"), 401, "missing Authorization header");
    assertError(withheldBody("POST", events, "rtk_wrong", "application/json"), 401, "unknown token");
    String reader = t.service.tokens().create(t.accountId, Permission.REALTIME, "reader").secret();
    assertError(withheldBody("POST", events, reader, "application/json"), 403, "needs Realtime Admin");
    assertError(withheldBody("POST", t.appPath("no-such-app") + "/events", t.adminToken, "application/json"), 404,
        "app no-such-app not found");
    assertError(withheldBody("PUT", t.appPath() + "/sessions/s1/artifacts/slides", t.adminToken, "text/plain"), 400,
        "the artifact kind must be one of chat, transcript, summary");
  }

  @Test
  void aRouteRefusesTheMediaTypeBeforeReadingTheBody() throws IOException {
    assertError(withheldBody("POST", t.appPath() + "/events", t.adminToken, "text/plain"), 415,
        "Content-Type must be application/json");
  }

  @Test
  void aContentLengthAboveTheLimitIs413BeforeReading() throws IOException {
    String tooLong = "Content-Length: " + (MeetingRoutes.MAX_BODY_BYTES + 1) + "\r\n";
    try (Socket s = RawHttp.open(t.service.port(), head("POST", t.appPath() + "/meetings", t.adminToken,
        "application/json", tooLong))) {
      s.setSoTimeout(3_000);
      assertError(RawHttp.read(s.getInputStream()), 413, "the body must be at most 65536 bytes, got 65537");
    }
  }

  @Test
  void aChunkedBodyPastTheLimitIsCutOffWith413() throws IOException {
    try (Socket s = RawHttp.open(t.service.port(), head("POST", t.appPath() + "/meetings", t.adminToken,
        "application/json", "Transfer-Encoding: chunked\r\n"))) {
      s.setSoTimeout(3_000);
      OutputStream out = s.getOutputStream();
      String chunk = " ".repeat(16 * 1024);
      for (int i = 0; i < 5; i++) { // 80 KiB, past the 64 KiB limit; the end of the body is never sent
        out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.flush();
      assertError(RawHttp.read(s.getInputStream()), 413, "the body must be at most 65536 bytes");
    }
  }

  @Test
  void aConnectionStaysUsableAfterABodyWasRefused() throws IOException {
    String body = "{\"title\": \"x\"}";
    String refused = head("POST", t.appPath() + "/meetings", "rtk_wrong", "application/json",
        "Content-Length: " + body.length() + "\r\n") + body;
    String accepted = head("POST", t.appPath() + "/meetings", t.adminToken, "application/json",
        "Content-Length: " + body.length() + "\r\n") + body;
    try (Socket s = RawHttp.open(t.service.port(), refused + accepted)) {
      assertError(RawHttp.read(s.getInputStream()), 401, "unknown token");
      RawHttp.Response second = RawHttp.read(s.getInputStream());
      assertThat(second.status()).as(second.body()).isEqualTo(201);
      assertThat(second.json().at("/data/title").asText()).isEqualTo("x");
    }
  }

  static final class OnSqliteTest extends RequestBodiesApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static final class OnPostgresTest extends RequestBodiesApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
