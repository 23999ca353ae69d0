package dev.rtksessions.testing;

import dev.rtksessions.model.Permission;
import dev.rtksessions.service.RtkService;
import dev.rtksessions.service.ServiceConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The real service on a free port over a real store, with a hand-moved clock, an admin
 * token, and one account and app ready to use.
 */
public final class TestService implements AutoCloseable {
  public static final Instant EPOCH = Instant.parse("2025-03-04T10:00:00Z");

  public final RtkService service;
  public final MutableClock clock;
  public final ApiClient client;
  public final String adminToken;
  public final String accountId = "acc-test";
  public final String appId;

  private TestService(String jdbcUrl, MutableClock clock, UnaryOperator<ServiceConfig> configure) {
    this.clock = clock;
    this.service = RtkService.start(configure.apply(
        ServiceConfig.of("127.0.0.1", 0, jdbcUrl).withClock(clock).withAuthCacheTtl(Duration.ZERO)));
    this.client = new ApiClient(service.baseUrl());
    this.adminToken = service.tokens().create(null, Permission.REALTIME_ADMIN, "test admin").secret();
    this.appId = service.catalog().createApp(accountId, "test app").id();
  }

  public static TestService start(TestDatabases.Kind kind) {
    return start(kind, UnaryOperator.identity());
  }

  /** The same, with more configuration (a webhook key, for example). */
  public static TestService start(TestDatabases.Kind kind, UnaryOperator<ServiceConfig> configure) {
    return new TestService(TestDatabases.fresh(kind), new MutableClock(EPOCH), configure);
  }

  public static TestService start(String jdbcUrl, MutableClock clock) {
    return start(jdbcUrl, clock, UnaryOperator.identity());
  }

  /** Another process on a store, sharing a clock with others, with more configuration. */
  public static TestService start(String jdbcUrl, MutableClock clock, UnaryOperator<ServiceConfig> configure) {
    return new TestService(jdbcUrl, clock, configure);
  }

  public Clock clock() {
    return clock;
  }

  /** The path prefix of this test's app: /accounts/{account}/realtime/kit/{app}. */
  public String appPath() {
    return "/accounts/" + accountId + "/realtime/kit/" + appId;
  }

  /** A new, empty app in the test account, so tests do not see each other's sessions. */
  public String newApp() {
    return service.catalog().createApp(accountId, "app").id();
  }

  public String appPath(String app) {
    return "/accounts/" + accountId + "/realtime/kit/" + app;
  }

  /** Posts events (a JSON array) to an app's events API. */
  public ApiClient.Response postEvents(String app, String eventsJson) {
    return client.post(appPath(app) + "/events", adminToken, eventsJson, "application/json");
  }

  /** GET .../sessions of an app with a query string (without '?'); asserts nothing. */
  public ApiClient.Response listSessions(String app, String query) {
    return get(appPath(app) + "/sessions" + (query.isEmpty() ? "" : "?" + query));
  }

  public ApiClient.Response get(String pathAndQuery) {
    return client.get(pathAndQuery, adminToken);
  }

  /** Posts events to this app's events API; {@code events} is a JSON array. */
  public ApiClient.Response postEvents(String eventsJson) {
    return client.post(appPath() + "/events", adminToken, eventsJson, "application/json");
  }

  @Override
  public void close() {
    service.close();
  }
}
