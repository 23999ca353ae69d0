package dev.rtksessions.service;

import dev.rtksessions.http.RateLimit;
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
 * @param rateLimitPerToken requests each token may make per window; null for no limit
 * @param rateLimitPerApp requests each app may receive per window (all tokens together); null for no limit
 */
public record ServiceConfig(
    String host, int port, String databaseUrl, Clock clock, Duration authCacheTtl, int poolSize,
    int listCacheSize, PublicKey webhookPublicKey, RateLimit rateLimitPerToken, RateLimit rateLimitPerApp) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8787;
  public static final int DEFAULT_LIST_CACHE_SIZE = 1000;

  public static ServiceConfig of(String host, int port, String databaseUrl) {
    return new ServiceConfig(host, port, databaseUrl, Clock.systemUTC(), Duration.ofSeconds(5), 10,
        DEFAULT_LIST_CACHE_SIZE, null, null, null);
  }

  public ServiceConfig withClock(Clock clock) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize, webhookPublicKey,
        rateLimitPerToken, rateLimitPerApp);
  }

  public ServiceConfig withAuthCacheTtl(Duration ttl) {
    return new ServiceConfig(host, port, databaseUrl, clock, ttl, poolSize, listCacheSize, webhookPublicKey,
        rateLimitPerToken, rateLimitPerApp);
  }

  public ServiceConfig withPoolSize(int size) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, size, listCacheSize, webhookPublicKey,
        rateLimitPerToken, rateLimitPerApp);
  }

  public ServiceConfig withListCacheSize(int size) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, size, webhookPublicKey,
        rateLimitPerToken, rateLimitPerApp);
  }

  /** Limits like Cloudflare's API (see RateLimits); either may be null. */
  public ServiceConfig withRateLimits(RateLimit perToken, RateLimit perApp) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize, webhookPublicKey,
        perToken, perApp);
  }

  public ServiceConfig withWebhookPublicKey(PublicKey key) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize, key,
        rateLimitPerToken, rateLimitPerApp);
  }
}
