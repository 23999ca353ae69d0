package dev.rtksessions.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rtksessions.model.ApiToken;
import dev.rtksessions.model.App;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Request limits per token and per app, like Cloudflare's API: each token, and each app, may
 * make a number of requests per window (a Bucket4j bucket refilled whole at the end of each
 * window, which starts at its first request). Off unless configured. Buckets live in this
 * process: processes sharing a database each allow the full quota.
 */
public final class RateLimits {
  /** The policy name of the headers, as Cloudflare's. */
  private static final String POLICY = "\"default\"";
  private static final int MAX_BUCKETS = 100_000;

  private final RateLimit perToken;
  private final RateLimit perApp;
  private final TimeMeter time;
  private final Cache<String, Bucket> tokenBuckets;
  private final Cache<String, Bucket> appBuckets;

  /**
   * @param perToken the limit of each token, or null for none
   * @param perApp the limit of each app (over all tokens), or null for none
   * @param clock the service's clock (tests move it)
   */
  public RateLimits(RateLimit perToken, RateLimit perApp, Clock clock) {
    this.perToken = perToken;
    this.perApp = perApp;
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
    this.tokenBuckets = buckets(perToken);
    this.appBuckets = buckets(perApp);
  }

  /** A bucket untouched for a whole window is full again, so it can go. */
  private static Cache<String, Bucket> buckets(RateLimit limit) {
    return limit == null ? null : Caffeine.newBuilder().expireAfterAccess(limit.window()).maximumSize(MAX_BUCKETS)
        .build();
  }

  /**
   * What one request by {@code token} to {@code app} (null on account routes) may do: it takes
   * one request from the token's quota, then from the app's. Null when no limit applies.
   */
  Outcome take(ApiToken token, App app) {
    Outcome byToken = perToken == null ? null : take(tokenBuckets, token.id(), perToken, "token");
    if (byToken != null && !byToken.allowed()) {
      return byToken;
    }
    Outcome byApp = perApp == null || app == null ? null : take(appBuckets, app.id(), perApp, "app");
    if (byApp == null) {
      return byToken;
    }
    if (byToken == null || !byApp.allowed()) {
      return byApp;
    }
    // Both allow it: the headers describe the one with fewer requests left (on a tie, the one
    // whose window ends later: it keeps the client waiting longer).
    boolean appFirst = byApp.remaining() < byToken.remaining()
        || byApp.remaining() == byToken.remaining() && byApp.resetSeconds() > byToken.resetSeconds();
    return appFirst ? byApp : byToken;
  }

  private Outcome take(Cache<String, Bucket> buckets, String key, RateLimit limit, String per) {
    Bucket bucket = buckets.get(key, k -> Bucket.builder()
        .addLimit(l -> l.capacity(limit.requests()).refillIntervally(limit.requests(), limit.window()))
        .withCustomTimePrecision(time)
        .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    return new Outcome(probe.isConsumed(), limit, per, probe.getRemainingTokens(),
        seconds(probe.getNanosToWaitForReset()),
        probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
  }

  private static long seconds(long nanos) {
    return (nanos + 999_999_999) / 1_000_000_000;
  }

  /**
   * @param per what the limit counts: "token" or "app"
   * @param remaining requests left in the window after this one
   * @param resetSeconds until the window ends and the quota is whole again, rounded up
   * @param retrySeconds until a refused request may pass, rounded up (0 when allowed)
   */
  record Outcome(boolean allowed, RateLimit limit, String per, long remaining, long resetSeconds, long retrySeconds) {
    /** {@code Ratelimit}: what is left and for how long. */
    String state() {
      return POLICY + ";r=" + remaining + ";t=" + resetSeconds;
    }

    /** {@code Ratelimit-Policy}: the quota and its window. */
    String policy() {
      return POLICY + ";q=" + limit.requests() + ";w=" + limit.window().toSeconds();
    }
  }
}
