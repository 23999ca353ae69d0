package dev.rtksessions.engine;

import dev.rtksessions.model.OutboxDelivery;
import dev.rtksessions.storage.WebhookOutStore;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox: one scheduler thread claims due deliveries (row locks on PostgreSQL, so
 * several processes share the work and each delivery goes out once), posts them with the JDK's
 * HTTP client without waiting on the thread, and records each answer. A meeting's deliveries to
 * one webhook go one at a time, in order; a webhook has at most {@link #PER_WEBHOOK} requests
 * under way, so a slow or dead receiver holds only its own. A 2xx is delivered; anything else (a
 * status, a timeout, a refused connection) is tried again after the next delay of the policy's
 * schedule, and marked failed after the last. Ingestion never waits for any of it: the engine
 * only writes rows.
 */
public final class WebhookSender implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
  static final int PER_WEBHOOK = 4;
  static final int IN_FLIGHT = 64;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration SWEEP = Duration.ofSeconds(1);
  private static final Duration KEEP = Duration.ofDays(30);

  /**
   * How deliveries are made.
   *
   * @param timeout how long a receiver has to answer (and to accept the connection)
   * @param retryDelays the wait before each attempt after the first; a delivery is failed once
   *     the attempt after the last delay fails. Each wait is varied by up to a quarter either way.
   * @param allowedHosts the hosts webhooks may be sent to ({@code *.example.com} for a domain and
   *     its subdomains); empty: any
   */
  public record Policy(Duration timeout, List<Duration> retryDelays, List<String> allowedHosts) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** About 24 hours in 13 attempts; the first retry within 2.5 s. */
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(2), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
        Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(8),
        Duration.ofHours(8));
    public static final Policy DEFAULT = new Policy(DEFAULT_TIMEOUT, DEFAULT_RETRY_DELAYS, List.of());

    public Policy {
      retryDelays = List.copyOf(retryDelays);
      allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
          .toList();
    }

    /** True when webhooks may be sent to {@code url}'s host. */
    public boolean allows(URI url) {
      if (allowedHosts.isEmpty()) {
        return true;
      }
      String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
      return allowedHosts.stream().anyMatch(a -> a.startsWith("*.")
          ? host.equals(a.substring(2)) || host.endsWith(a.substring(1)) : host.equals(a));
    }

    /** How long a claim lasts: a sender that died lets its deliveries go after this. */
    Duration lease() {
      return timeout.multipliedBy(2).plusSeconds(5);
    }

    /** The wait after the {@code attempts}-th failed attempt; null when no attempt is left. */
    Duration delayAfter(int attempts) {
      if (attempts > retryDelays.size()) {
        return null;
      }
      double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
      return Duration.ofMillis(Math.round(retryDelays.get(attempts - 1).toMillis() * jitter));
    }
  }

  private final WebhookOutStore store;
  private final WebhookOutbox outbox;
  private final SigningKey key;
  private final Policy policy;
  // Deliveries are scheduled on the wall clock: retries and claims are about real waiting, even
  // when the service's clock (event time, reads) is moved by hand in tests.
  private final Clock wall = Clock.systemUTC();
  private final HttpClient http;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rtk-webhooks-out");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();
  private final Map<String, Long> lastWarned = new ConcurrentHashMap<>();
  private volatile long lastPrune;

  public WebhookSender(WebhookOutStore store, WebhookOutbox outbox, SigningKey key, Policy policy) {
    this.store = store;
    this.outbox = outbox;
    this.key = key;
    this.policy = policy;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(policy.timeout())
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Starts polling the outbox and sweeping for ends by keep-alive. */
  public void start() {
    scheduler.scheduleWithFixedDelay(() -> run("send webhooks", this::sendDue), 0, POLL.toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(() -> run("look for sessions ended by their keep-alive", this::sweep), 0,
        SWEEP.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      // A store outage must not end the schedule: the next run picks up where this one failed.
      // It fails 5 times a second then; once a minute in the log says it.
      long now = wall.millis();
      if (now - lastWarned.getOrDefault(what, 0L) >= Duration.ofMinutes(1).toMillis()) {
        lastWarned.put(what, now);
        log.warn("could not {} (said once a minute while it lasts): {}", what, e.getMessage());
      }
    }
  }

  private void sweep() {
    outbox.sendDueEnds();
    long now = wall.millis();
    if (now - lastPrune > Duration.ofHours(1).toMillis()) {
      store.prune(now - KEEP.toMillis());
      lastPrune = now;
    }
  }

  private void sendDue() {
    long now = wall.millis();
    for (WebhookOutStore.Due due : store.due(now)) {
      AtomicInteger mine = inFlight.computeIfAbsent(due.webhookId(), k -> new AtomicInteger());
      int free = Math.min(PER_WEBHOOK - mine.get(), IN_FLIGHT - total.get());
      if (free <= 0) {
        continue;
      }
      for (OutboxDelivery d : store.claim(due.appId(), due.webhookId(), now, now + policy.lease().toMillis(), free)) {
        mine.incrementAndGet();
        total.incrementAndGet();
        send(due.url(), d, mine);
      }
    }
  }

  private void send(String url, OutboxDelivery d, AtomicInteger mine) {
    URI target = URI.create(url);
    if (!policy.allows(target)) {
      done(d, mine, null, "the target host " + target.getHost() + " is not in the allowed list (--webhooks-out-allow)",
          false);
      return;
    }
    byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(target).timeout(policy.timeout())
        .header("Content-Type", "application/json")
        .header("User-Agent", "rtk-sessions")
        .header("rtk-uuid", d.id())
        .header("rtk-webhook-id", d.webhookId())
        .header("rtk-signature", key.sign(body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        // The timeout covers the answer's head; this bounds a body that never ends.
        .orTimeout(policy.timeout().toMillis() * 2, TimeUnit.MILLISECONDS)
        .whenCompleteAsync((response, error) -> {
          if (error == null && response.statusCode() / 100 == 2) {
            done(d, mine, response.statusCode(), null, true);
          } else if (error == null) {
            done(d, mine, response.statusCode(), "the receiver answered " + response.statusCode(), true);
          } else {
            done(d, mine, null, describe(error), true);
          }
        }, scheduler);
  }

  /** Records an attempt's outcome ({@code error} null: delivered) and frees its place. */
  private void done(OutboxDelivery d, AtomicInteger mine, Integer status, String error, boolean retryable) {
    mine.decrementAndGet();
    total.decrementAndGet();
    long now = wall.millis();
    try {
      if (error == null) {
        store.finish(d.seq(), OutboxDelivery.Status.SENT, now, status, null, now);
        return;
      }
      Duration delay = retryable ? policy.delayAfter(d.attempts()) : null;
      if (delay == null) {
        log.warn("webhook delivery {} ({} to webhook {} of app {}) failed after {} attempts: {}", d.id(), d.event(),
            d.webhookId(), d.appId(), d.attempts(), error);
        store.finish(d.seq(), OutboxDelivery.Status.FAILED, now, status, error, now);
      } else {
        log.debug("webhook delivery {} attempt {} failed ({}); next in {} ms", d.id(), d.attempts(), error,
            delay.toMillis());
        store.finish(d.seq(), OutboxDelivery.Status.PENDING, now + delay.toMillis(), status, error, now);
      }
    } catch (RuntimeException e) {
      // Its claim runs out and it is tried again: at least once, never lost.
      log.warn("could not record the outcome of webhook delivery {}: {}", d.id(), e.getMessage());
    }
  }

  /** Why an attempt got no answer, in words (it is shown on the wire: no exception names). */
  private String describe(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
      return "no answer within " + policy.timeout().toMillis() + " ms";
    }
    if (cause instanceof ConnectException) {
      return "the connection was refused or could not be made";
    }
    return "the request failed" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
