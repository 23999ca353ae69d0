package dev.rtksessions.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A webhook receiver on a real socket (the JDK's HTTP server on 127.0.0.1): it records every
 * request it gets (headers and exact body) and answers as its {@link Behaviour} says, or
 * forwards the request to another URL and answers what that answers. It can be stopped (the
 * port then refuses connections) and started again on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient FORWARD = HttpClient.newHttpClient();

  /** One request as received. */
  public record Received(String path, Map<String, List<String>> headers, byte[] body, long atNanos) {
    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    public String event() {
      return json().path("event").asText();
    }
  }

  /** How to answer a request: a status, or {@link #HANG} to never answer (until the receiver stops). */
  @FunctionalInterface
  public interface Behaviour extends Function<Received, Integer> {}

  public static final int HANG = -1;
  /** Forwards the request (see {@link #forwardTo}), then never answers: the receiver applied it, the sender times out. */
  public static final int FORWARD_THEN_HANG = -2;

  private final List<Received> received = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Behaviour behaviour = r -> 200;
  private volatile String forwardTo;
  private HttpServer server;
  private int port;

  private WebhookReceiver() {}

  public static WebhookReceiver start() throws IOException {
    WebhookReceiver r = new WebhookReceiver();
    r.listen(0);
    return r;
  }

  private void listen(int onPort) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 50);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
    port = server.getAddress().getPort();
  }

  /** The URL webhooks are to be sent to. */
  public String url() {
    return "http://127.0.0.1:" + port + "/hook";
  }

  public void answer(Behaviour b) {
    this.behaviour = b;
  }

  /** Answers what {@code url} answers to the same request (headers and body), after the behaviour let it through. */
  public void forwardTo(String url) {
    this.forwardTo = url;
  }

  /** Closes the port: connections are refused until {@link #restart}. */
  public void stop() {
    server.stop(0);
  }

  public void restart() throws IOException {
    listen(port);
  }

  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** Waits until {@code done} holds for what was received; fails the test after {@code timeout}. */
  public List<Received> await(Predicate<List<Received>> done, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Received> now = received();
      if (done.test(now)) {
        return now;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the receiver did not get what was expected within " + timeout + "; got "
        + received().stream().map(r -> r.event() + " " + r.header("rtk-uuid")).toList());
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    Received r = new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body, System.nanoTime());
    synchronized (this) {
      received.add(r);
    }
    int status = behaviour.apply(r);
    byte[] answer = new byte[0];
    if (status == FORWARD_THEN_HANG) {
      forward(r);
      status = HANG;
    }
    if (status == HANG) {
      try {
        stopped.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    if (status == 200 && forwardTo != null) {
      HttpResponse<byte[]> forwarded = forward(r);
      status = forwarded == null ? 500 : forwarded.statusCode();
      answer = forwarded == null ? new byte[0] : forwarded.body();
    }
    ex.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    if (answer.length > 0) {
      ex.getResponseBody().write(answer);
    }
    ex.close();
  }

  private HttpResponse<byte[]> forward(Received r) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(forwardTo)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(r.body()));
    for (String h : List.of("Content-Type", "rtk-signature", "rtk-uuid", "rtk-webhook-id", "Authorization")) {
      if (r.header(h) != null) {
        b.header(h, r.header(h));
      }
    }
    try {
      return FORWARD.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    server.stop(0);
  }
}
