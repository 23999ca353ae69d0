package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.Permission;
import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Rate limits like Cloudflare's API, per token and per app, through a real socket: the
 * {@code Ratelimit} and {@code Ratelimit-Policy} headers on every answer of a limited route,
 * and a 429 in the error envelope with {@code Retry-After} once a quota is spent. The buckets
 * run on the service's clock, which the test moves.
 */
abstract class RateLimitsApiTest extends PerStoreTest {
  private static final RateLimit PER_TOKEN = new RateLimit(3, Duration.ofSeconds(60));
  private static final RateLimit PER_APP = new RateLimit(5, Duration.ofSeconds(10));

  @Override
  protected ServiceConfig configure(ServiceConfig config) {
    return config.withRateLimits(PER_TOKEN, PER_APP);
  }

  private String token() {
    return t.service.tokens().create(t.accountId, Permission.REALTIME_ADMIN, "limited").secret();
  }

  private ApiClient.Response list(String app, String token) {
    return t.client.get(t.appPath(app) + "/sessions", token);
  }

  private static void assertAllowed(ApiClient.Response r, String state, String policy) {
    assertThat(r.status()).as("%s", r.body()).isEqualTo(200);
    assertThat(r.header("Ratelimit")).isEqualTo(state);
    assertThat(r.header("Ratelimit-Policy")).isEqualTo(policy);
    assertThat(r.header("Retry-After")).isNull();
  }

  private static void assertLimited(ApiClient.Response r, String per, long retryAfter) {
    assertThat(r.status()).as("%s", r.body()).isEqualTo(429);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(r.body().at("/success").asBoolean()).isFalse();
    assertThat(r.body().at("/errors/0/code").asInt()).isEqualTo(429);
    assertThat(r.body().at("/error/message").asText()).startsWith("rate limit exceeded: at most").contains("per " + per);
    assertThat(r.header("Retry-After")).isEqualTo(Long.toString(retryAfter));
    assertThat(r.header("Ratelimit")).startsWith("\"default\";r=0;t=");
  }

  @Test
  void aTokensQuotaIsSpentThen429WithRetryAfterUntilItsWindowEnds() {
    String app = t.newApp();
    String token = token();
    String policy = "\"default\";q=3;w=60";
    assertAllowed(list(app, token), "\"default\";r=2;t=60", policy);
    t.clock.advance(Duration.ofMillis(20_500));
    assertAllowed(list(app, token), "\"default\";r=1;t=40", policy);
    assertAllowed(list(app, token), "\"default\";r=0;t=40", policy);
    // Seconds rounded up: 39.5 s to wait.
    assertLimited(list(app, token), "token", 40);
    // Another token is not affected.
    assertThat(list(app, token()).status()).isEqualTo(200);
    t.clock.advance(Duration.ofMillis(39_500));
    assertAllowed(list(app, token), "\"default\";r=2;t=60", policy);
  }

  @Test
  void anAppsQuotaIsSharedByItsTokens() {
    String app = t.newApp();
    String[] tokens = {token(), token(), token()};
    for (int i = 0; i < 5; i++) {
      assertThat(list(app, tokens[i % 3]).status()).isEqualTo(200);
    }
    ApiClient.Response limited = list(app, tokens[2]);
    assertLimited(limited, "app", 10);
    assertThat(limited.header("Ratelimit-Policy")).isEqualTo("\"default\";q=5;w=10");
    // Another app, and routes of the account, are not counted against it.
    assertThat(list(t.newApp(), tokens[2]).status()).isEqualTo(200);
    assertThat(t.client.get("/accounts/" + t.accountId + "/realtime/kit/apps", tokens[1]).status()).isEqualTo(200);
    t.clock.advance(Duration.ofSeconds(10));
    assertThat(list(app, token()).status()).isEqualTo(200);
  }

  @Test
  void theHeadersDescribeTheQuotaCloserToItsEndAndComeWithErrorsToo() {
    String app = t.newApp();
    String token = token();
    // The token has 2 left of 3, the app 4 of 5: the token's quota is described.
    assertAllowed(list(app, token), "\"default\";r=2;t=60", "\"default\";q=3;w=60");
    ApiClient.Response notFound = t.client.get(t.appPath(app) + "/sessions/no-such-session", token);
    assertThat(notFound.status()).isEqualTo(404);
    assertThat(notFound.header("Ratelimit")).isEqualTo("\"default\";r=1;t=60");
    // A new token with 2 left, the app with 2 left too: the token's (the longer wait) is described.
    assertAllowed(list(app, token()), "\"default\";r=2;t=60", "\"default\";q=3;w=60");
    // Another new token with 2 left, the app with 1: the app's.
    assertAllowed(list(app, token()), "\"default\";r=1;t=10", "\"default\";q=5;w=10");
  }

  @Test
  void offByDefault() {
    try (TestService unlimited = TestService.start(kind())) {
      for (int i = 0; i < 20; i++) {
        ApiClient.Response r = unlimited.listSessions(unlimited.appId, "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Ratelimit")).isNull();
        assertThat(r.header("Ratelimit-Policy")).isNull();
      }
    }
  }

  static final class OnSqliteTest extends RateLimitsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static final class OnPostgresTest extends RateLimitsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
