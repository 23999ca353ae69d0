package dev.rtksessions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rtksessions.http.RateLimit;
import dev.rtksessions.sdk.exception.RateLimitException;
import dev.rtksessions.sdk.param.SessionGetSessionsParams;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK against the real service with a rate limit: the 429 carries Retry-After, and the SDK
 * waits that long and retries, so the call succeeds.
 */
class RateLimitedServerTest {
  @Test
  void aRateLimitedCallIsRetriedAfterRetryAfter() {
    // The real clock: the bucket refills while the SDK waits.
    try (TestService t = TestService.start(TestDatabases.Kind.SQLITE, config -> config.withClock(Clock.systemUTC())
        .withRateLimits(new RateLimit(1, Duration.ofSeconds(1)), null))) {
      RealtimeKitClient client = RealtimeKitClient.builder().apiToken(t.adminToken).baseUrl(t.service.baseUrl())
          .environment(Map.of()).build();
      SessionGetSessionsParams params = SessionGetSessionsParams.builder().accountId(t.accountId).build();
      client.realtimeKit().sessions().getSessions(t.appId, params);
      long start = System.nanoTime();
      assertThat(client.realtimeKit().sessions().getSessions(t.appId, params).sessions()).isEmpty();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));

      // Without retries, the exception carries the server's Retry-After.
      RealtimeKitClient once = RealtimeKitClient.builder().apiToken(t.adminToken).baseUrl(t.service.baseUrl())
          .environment(Map.of()).maxRetries(0).build();
      RateLimitException limited = catchThrowableOfType(RateLimitException.class, () -> {
        for (int i = 0; i < 3; i++) {
          once.realtimeKit().sessions().getSessions(t.appId, params);
        }
      });
      assertThat(limited.retryAfter()).hasValue(Duration.ofSeconds(1));
    }
  }
}
