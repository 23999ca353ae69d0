package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.RawHttp;
import dev.rtksessions.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Clients that announce a body and never send it, or stop in the middle of their headers,
 * hold no worker thread: the service keeps answering everyone else at its usual speed, and
 * closes the stalled connections after the documented timeouts. Through real sockets, once
 * per store.
 */
abstract class SlowClientsApiTest extends PerStoreTest {
  private static final int STALLED = 100;

  private String host() {
    return "Host: 127.0.0.1:" + t.service.port() + "\r\n";
  }

  private String eventsPath() {
    return HttpApi.BASE_PATH + t.appPath() + "/events";
  }

  /** Headers that announce 1000 bytes of body, and {@code sent} of them. */
  private String bodyAnnounced(String token, int sent) {
    return "POST " + eventsPath() + " HTTP/1.1\r\n" + host() + (token == null ? "" : "Authorization: Bearer " + token
        + "\r\n") + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n" + "[".repeat(sent);
  }

  private String headersCutShort() {
    return "GET " + HttpApi.BASE_PATH + t.appPath() + "/sessions HTTP/1.1\r\n" + host() + "Authori";
  }

  @Test
  void stalledClientsHoldNoWorker() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < STALLED; i++) {
        stalled.add(RawHttp.open(t.service.port(), switch (i % 4) {
          case 0 -> bodyAnnounced(null, 0);            // no token, no body
          case 1 -> bodyAnnounced(t.adminToken, 0);    // a token, no body
          case 2 -> bodyAnnounced(t.adminToken, 10);   // a token, part of the body
          default -> headersCutShort();
        }));
      }
      Instant base = Instant.parse("2025-03-04T10:00:00Z");
      for (int i = 0; i < 20; i++) {
        long start = System.nanoTime();
        ApiClient.Response list = t.listSessions(t.appId, "per_page=5");
        assertThat(list.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));

        start = System.nanoTime();
        ApiClient.Response posted = t.postEvents(new Events(base, "slow-" + i + "-").join("slow", "p" + i, i).json());
        assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      }
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  @Test
  void aStalledConnectionIsClosedAfterTheTimeout() throws Exception {
    CompletableFuture<Duration> midHeaders = CompletableFuture.supplyAsync(() -> timeToClose(headersCutShort()));
    CompletableFuture<Duration> midBody = CompletableFuture.supplyAsync(() -> timeToClose(
        bodyAnnounced(t.adminToken, 10)));
    assertThat(midHeaders.get()).isBetween(HttpServer.REQUEST_HEAD_TIMEOUT.minusMillis(500),
        HttpServer.REQUEST_HEAD_TIMEOUT.plusSeconds(2));
    assertThat(midBody.get()).isBetween(BodyReader.IDLE_TIMEOUT.minusMillis(500),
        BodyReader.IDLE_TIMEOUT.plusSeconds(2));
  }

  /** How long the server keeps a connection that sent {@code start} and then nothing. */
  private Duration timeToClose(String start) {
    long opened = System.nanoTime();
    try (Socket socket = RawHttp.open(t.service.port(), start); InputStream in = socket.getInputStream()) {
      // Nothing is answered: the first thing the client sees is the end of the stream.
      assertThat(in.read()).isEqualTo(-1);
    } catch (SocketException e) {
      // a reset is a close too
    } catch (IOException e) {
      throw new AssertionError("the connection was not closed within 30 s", e);
    }
    return Duration.ofNanos(System.nanoTime() - opened);
  }

  static final class OnSqliteTest extends SlowClientsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static final class OnPostgresTest extends SlowClientsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
