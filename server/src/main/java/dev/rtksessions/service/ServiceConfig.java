package dev.rtksessions.service;

import dev.rtksessions.engine.SessionTimeline;
import dev.rtksessions.engine.WebhookSender;
import dev.rtksessions.http.RateLimit;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to run the service. Every value is checked when the configuration is made, with a message
 * that names the command-line option it comes from, so the service and its command line refuse
 * the same values. Start from {@link #of} and change what differs with the {@code with...}
 * methods.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param databaseUrl a jdbc:sqlite: or jdbc:postgresql: URL
 * @param clock the clock for read-time figures and record times (tests control it)
 * @param authCacheTtl how long a token lookup is remembered (a revocation takes this long to bite)
 * @param poolSize database connections, and as many HTTP workers
 * @param listCacheSize how many session list answers to keep for repeated requests (0: none);
 *     each is answered again only while nothing it shows has changed (see SessionReader)
 * @param webhookPublicKey the key that verifies RealtimeKit webhooks of apps without their own;
 *     null when none is configured
 * @param staleAfter how long a session with peers present stays LIVE after its last event (a
 *     leave that never came); past that it reads as ENDED at that event
 * @param heldReportAfter how long a webhook event may wait for the event it needs (a leave for
 *     its join) before it is reported
 * @param startupTimeout how long the start waits for the store to accept connections and for
 *     another process's schema migration, before it fails
 * @param rateLimitPerToken requests each token may make per window; null for no limit
 * @param rateLimitPerApp requests each app may receive per window (all tokens together); null for
 *     no limit
 * @param webhooksOut how the webhooks apps register are sent; null when the service sends none
 *     (--no-webhooks-out)
 * @param liveKitKeys LiveKit API keys and their secrets, for apps without their own key
 */
public record ServiceConfig(
    String host, int port, String databaseUrl, Clock clock, Duration authCacheTtl, int poolSize,
    int listCacheSize, PublicKey webhookPublicKey, Duration staleAfter, Duration heldReportAfter,
    Duration startupTimeout, RateLimit rateLimitPerToken, RateLimit rateLimitPerApp,
    WebhookSender.Policy webhooksOut, Map<String, String> liveKitKeys) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8787;
  public static final int DEFAULT_POOL_SIZE = 10;
  public static final int DEFAULT_LIST_CACHE_SIZE = 1000;
  public static final Duration DEFAULT_STALE_AFTER = SessionTimeline.DEFAULT_STALE_AFTER;
  public static final Duration DEFAULT_HELD_REPORT_AFTER = Duration.ofMinutes(15);
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Duration MONTH = Duration.ofDays(30);

  public ServiceConfig {
    Objects.requireNonNull(clock, "clock");
    check(host != null && !host.isBlank(), "--host must name an address, got " + quote(host));
    check(port >= 0 && port <= 65_535, "--port must be 0-65535, got " + port);
    check(databaseUrl != null && (databaseUrl.startsWith("jdbc:sqlite:") || databaseUrl.startsWith("jdbc:postgresql:")),
        "--database-url must be a jdbc:postgresql:// URL (or jdbc:sqlite: for the embedded store), got "
            + quote(databaseUrl));
    check(authCacheTtl != null && !authCacheTtl.isNegative(), "the token cache time must not be negative");
    check(poolSize >= 1 && poolSize <= 200, "--pool-size must be 1-200, got " + poolSize);
    check(listCacheSize >= 0 && listCacheSize <= 1_000_000, "--list-cache-size must be 0-1000000, got "
        + listCacheSize);
    check(within(staleAfter, MINUTE, MONTH), "--stale-after must be from 1 minute to 30 days, got " + staleAfter);
    check(within(heldReportAfter, MINUTE, MONTH), "--held-report-after must be from 1 minute to 30 days, got "
        + heldReportAfter);
    check(within(startupTimeout, Duration.ZERO, Duration.ofHours(1)),
        "--startup-timeout must be 0-3600 seconds, got " + (startupTimeout == null ? null : startupTimeout.toSeconds()));
    liveKitKeys = Map.copyOf(liveKitKeys);
  }

  /** The defaults, on the given address and store. */
  public static ServiceConfig of(String host, int port, String databaseUrl) {
    return new ServiceConfig(host, port, databaseUrl, Clock.systemUTC(), Duration.ofSeconds(5), DEFAULT_POOL_SIZE,
        DEFAULT_LIST_CACHE_SIZE, null, DEFAULT_STALE_AFTER, DEFAULT_HELD_REPORT_AFTER, DEFAULT_STARTUP_TIMEOUT, null,
        null, WebhookSender.Policy.DEFAULT, Map.of());
  }

  public ServiceConfig withClock(Clock clock) {
    return with(b -> b.clock = clock);
  }

  public ServiceConfig withAuthCacheTtl(Duration ttl) {
    return with(b -> b.authCacheTtl = ttl);
  }

  public ServiceConfig withPoolSize(int size) {
    return with(b -> b.poolSize = size);
  }

  public ServiceConfig withListCacheSize(int size) {
    return with(b -> b.listCacheSize = size);
  }

  public ServiceConfig withWebhookPublicKey(PublicKey key) {
    return with(b -> b.webhookPublicKey = key);
  }

  public ServiceConfig withStaleAfter(Duration d) {
    return with(b -> b.staleAfter = d);
  }

  public ServiceConfig withHeldReportAfter(Duration d) {
    return with(b -> b.heldReportAfter = d);
  }

  public ServiceConfig withStartupTimeout(Duration d) {
    return with(b -> b.startupTimeout = d);
  }

  /** Request limits per token and per app; null for none. */
  public ServiceConfig withRateLimits(RateLimit perToken, RateLimit perApp) {
    return with(b -> {
      b.rateLimitPerToken = perToken;
      b.rateLimitPerApp = perApp;
    });
  }

  /** How webhooks are sent; null sends none. */
  public ServiceConfig withWebhooksOut(WebhookSender.Policy policy) {
    return with(b -> b.webhooksOut = policy);
  }

  public ServiceConfig withLiveKitKeys(Map<String, String> keys) {
    return with(b -> b.liveKitKeys = keys);
  }

  /** A copy with some values changed; checked like any configuration. */
  private ServiceConfig with(Consumer<Values> change) {
    Values v = new Values(this);
    change.accept(v);
    return v.build();
  }

  /** The values of a configuration being changed. */
  private static final class Values {
    String host;
    int port;
    String databaseUrl;
    Clock clock;
    Duration authCacheTtl;
    int poolSize;
    int listCacheSize;
    PublicKey webhookPublicKey;
    Duration staleAfter;
    Duration heldReportAfter;
    Duration startupTimeout;
    RateLimit rateLimitPerToken;
    RateLimit rateLimitPerApp;
    WebhookSender.Policy webhooksOut;
    Map<String, String> liveKitKeys;

    Values(ServiceConfig c) {
      host = c.host;
      port = c.port;
      databaseUrl = c.databaseUrl;
      clock = c.clock;
      authCacheTtl = c.authCacheTtl;
      poolSize = c.poolSize;
      listCacheSize = c.listCacheSize;
      webhookPublicKey = c.webhookPublicKey;
      staleAfter = c.staleAfter;
      heldReportAfter = c.heldReportAfter;
      startupTimeout = c.startupTimeout;
      rateLimitPerToken = c.rateLimitPerToken;
      rateLimitPerApp = c.rateLimitPerApp;
      webhooksOut = c.webhooksOut;
      liveKitKeys = c.liveKitKeys;
    }

    ServiceConfig build() {
      return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize,
          webhookPublicKey, staleAfter, heldReportAfter, startupTimeout, rateLimitPerToken, rateLimitPerApp,
          webhooksOut, liveKitKeys);
    }
  }

  private static boolean within(Duration d, Duration min, Duration max) {
    return d != null && d.compareTo(min) >= 0 && d.compareTo(max) <= 0;
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  private static String quote(String value) {
    return value == null ? "nothing" : "'" + value + "'";
  }
}
