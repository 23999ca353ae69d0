package dev.rtksessions.service;

import dev.rtksessions.engine.SessionTimeline;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;

/**
 * How to run the service.
 *
 * @param host the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param databaseUrl a jdbc:sqlite: or jdbc:postgresql: URL
 * @param clock the clock for read-time figures and record times (tests control it)
 * @param authCacheTtl how long a token lookup is remembered (a revocation takes this long to bite)
 * @param poolSize database connections
 * @param listCacheSize how many session list answers to keep for repeated requests (0: none);
 *     each is answered again only while nothing it shows has changed (see SessionReader)
 * @param webhookPublicKey the key that verifies RealtimeKit webhooks of apps without their own;
 *     null when none is configured
 * @param staleAfter how long a session with peers present stays LIVE after its last event (a
 *     leave that never came); past that it reads as ENDED at that event
 * @param heldReportAfter how long a webhook event may wait for the event it needs (a leave for
 *     its join) before it is reported
 */
public record ServiceConfig(
    String host, int port, String databaseUrl, Clock clock, Duration authCacheTtl, int poolSize,
    int listCacheSize, PublicKey webhookPublicKey, Duration staleAfter, Duration heldReportAfter) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8787;
  public static final int DEFAULT_LIST_CACHE_SIZE = 1000;
  public static final Duration DEFAULT_STALE_AFTER = SessionTimeline.DEFAULT_STALE_AFTER;
  public static final Duration DEFAULT_HELD_REPORT_AFTER = Duration.ofMinutes(15);

  public static ServiceConfig of(String host, int port, String databaseUrl) {
    return new ServiceConfig(host, port, databaseUrl, Clock.systemUTC(), Duration.ofSeconds(5), 10,
        DEFAULT_LIST_CACHE_SIZE, null, DEFAULT_STALE_AFTER, DEFAULT_HELD_REPORT_AFTER);
  }

  public ServiceConfig withClock(Clock clock) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize, webhookPublicKey, staleAfter, heldReportAfter);
  }

  public ServiceConfig withAuthCacheTtl(Duration ttl) {
    return new ServiceConfig(host, port, databaseUrl, clock, ttl, poolSize, listCacheSize, webhookPublicKey, staleAfter, heldReportAfter);
  }

  public ServiceConfig withPoolSize(int size) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, size, listCacheSize, webhookPublicKey, staleAfter, heldReportAfter);
  }

  public ServiceConfig withListCacheSize(int size) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, size, webhookPublicKey, staleAfter, heldReportAfter);
  }

  public ServiceConfig withWebhookPublicKey(PublicKey key) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize, key, staleAfter, heldReportAfter);
  }

  public ServiceConfig withStaleAfter(Duration d) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize, webhookPublicKey,
        d, heldReportAfter);
  }

  public ServiceConfig withHeldReportAfter(Duration d) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize, webhookPublicKey,
        staleAfter, d);
  }
}
