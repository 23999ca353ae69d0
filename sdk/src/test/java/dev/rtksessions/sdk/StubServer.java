package dev.rtksessions.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server that answers from a script, for what the real service cannot do on
 * demand (rate limits, outages, slowness, odd bodies), and records every request it gets.
 * The last scripted answer repeats once the script is used up.
 */
final class StubServer implements AutoCloseable {
  /** One scripted answer. */
  record Answer(int status, Map<String, String> headers, String body, Duration delay) {
    static Answer json(int status, String body) {
      return new Answer(status, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
    }

    Answer withHeader(String name, String value) {
      Map<String, String> h = new HashMap<>(headers);
      h.put(name, value);
      return new Answer(status, Map.copyOf(h), body, delay);
    }

    Answer after(Duration wait) {
      return new Answer(status, headers, body, wait);
    }
  }

  /** One request as received. */
  record Received(String method, String rawPathAndQuery, Map<String, List<String>> headers, String body,
      long atNanos) {
    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Function<Received, Answer> answers;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  /** Answers in order, the last one repeating. */
  StubServer(Answer... script) throws IOException {
    this(inOrder(script));
  }

  /** Answers each request with what {@code answers} says for it. */
  StubServer(Function<Received, Answer> answers) throws IOException {
    this.answers = answers;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The base URL to give the client, with Cloudflare's path prefix. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/client/v4";
  }

  List<Received> received() {
    return received;
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Received request = new Received(ex.getRequestMethod(), ex.getRequestURI().getRawPath()
        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
        Map.copyOf(ex.getRequestHeaders()), body, System.nanoTime());
    received.add(request);
    Answer a = answers.apply(request);
    try {
      Thread.sleep(a.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    a.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private static Function<Received, Answer> inOrder(Answer... script) {
    Deque<Answer> queue = new ArrayDeque<>(List.of(script));
    return request -> {
      synchronized (queue) {
        return queue.size() > 1 ? queue.removeFirst() : queue.getFirst();
      }
    };
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
