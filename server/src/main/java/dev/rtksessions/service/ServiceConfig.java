package dev.rtksessions.service;

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
 * @param startupTimeout how long the start waits for the store to accept connections and for
 *     another process's schema migration, before it fails
 */
public record ServiceConfig(
    String host, int port, String databaseUrl, Clock clock, Duration authCacheTtl, int poolSize,
    int listCacheSize, PublicKey webhookPublicKey, Duration startupTimeout) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8787;
  public static final int DEFAULT_LIST_CACHE_SIZE = 1000;
  public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

  public ServiceConfig {
    if (startupTimeout.isNegative()) {
      throw new IllegalArgumentException("startupTimeout must not be negative, got " + startupTimeout);
    }
  }

  public static ServiceConfig of(String host, int port, String databaseUrl) {
    return new ServiceConfig(host, port, databaseUrl, Clock.systemUTC(), Duration.ofSeconds(5), 10,
        DEFAULT_LIST_CACHE_SIZE, null, DEFAULT_STARTUP_TIMEOUT);
  }

  public ServiceConfig withClock(Clock clock) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize,
        webhookPublicKey, startupTimeout);
  }

  public ServiceConfig withAuthCacheTtl(Duration ttl) {
    return new ServiceConfig(host, port, databaseUrl, clock, ttl, poolSize, listCacheSize,
        webhookPublicKey, startupTimeout);
  }

  public ServiceConfig withPoolSize(int size) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, size, listCacheSize,
        webhookPublicKey, startupTimeout);
  }

  public ServiceConfig withListCacheSize(int size) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, size,
        webhookPublicKey, startupTimeout);
  }

  public ServiceConfig withWebhookPublicKey(PublicKey key) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize,
        key, startupTimeout);
  }

  public ServiceConfig withStartupTimeout(Duration timeout) {
    return new ServiceConfig(host, port, databaseUrl, clock, authCacheTtl, poolSize, listCacheSize, webhookPublicKey,
        timeout);
  }
}
