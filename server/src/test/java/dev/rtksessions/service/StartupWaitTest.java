package dev.rtksessions.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rtksessions.storage.StorageUnavailableException;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.ServiceProcess;
import dev.rtksessions.testing.TcpProxy;
import dev.rtksessions.testing.TestDatabases;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;

/**
 * A start waits, for a bounded time, for what a second process or a restart meets: a
 * PostgreSQL that does not accept connections yet, and another process migrating the schema.
 * The test database sits behind a TCP proxy or is migrated by the test itself; the server is
 * never touched.
 */
class StartupWaitTest {
  @Test
  void aStartWaitsForADatabaseThatAcceptsConnectionsOnlyLater() throws Exception {
    String url = TestDatabases.freshPostgres();
    try (TcpProxy proxy = TcpProxy.inFrontOf(url)) {
      proxy.refuse();
      long start = System.nanoTime();
      CompletableFuture<RtkService> starting = CompletableFuture.supplyAsync(() -> RtkService.start(
          ServiceConfig.of("127.0.0.1", 0, proxy.jdbcUrl(url)).withStartupTimeout(Duration.ofSeconds(30))));
      Thread.sleep(3_000);
      assertThat(starting).as("still waiting").isNotDone();
      proxy.forward();
      try (RtkService service = starting.get(30, TimeUnit.SECONDS)) {
        assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.SECONDS.toNanos(3));
        assertThat(new ApiClient(service.baseUrl()).get("http://127.0.0.1:" + service.port() + "/healthz", null)
            .status()).isEqualTo(200);
      }
    }
  }

  @Test
  void theWaitForConnectionsEndsAfterTheStartupTimeoutWithAClearMessage() throws Exception {
    String url = TestDatabases.freshPostgres();
    try (TcpProxy proxy = TcpProxy.inFrontOf(url)) {
      proxy.refuse();
      long start = System.nanoTime();
      assertThatThrownBy(() -> RtkService.start(ServiceConfig.of("127.0.0.1", 0, proxy.jdbcUrl(url))
          .withStartupTimeout(Duration.ofSeconds(2))))
          .isInstanceOf(StorageUnavailableException.class)
          .hasMessageContaining("is not ready after 2 s of waiting (--startup-timeout, RTK_STARTUP_TIMEOUT)")
          .hasMessageContaining("refused");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
    }
  }

  @Test
  void aStartWaitsForAnotherProcesssMigration() throws Exception {
    String url = TestDatabases.freshPostgres();
    CompletableFuture<Void> other = migrateSlowly(url, 3_000);
    long start = System.nanoTime();
    try (RtkService service = RtkService.start(ServiceConfig.of("127.0.0.1", 0, url)
        .withStartupTimeout(Duration.ofSeconds(30)))) {
      // Flyway holds PostgreSQL's lock per migration step, so the two processes may take turns
      // after the slow step; what matters is that this one waited for it and then works.
      assertThat(System.nanoTime() - start).isGreaterThan(TimeUnit.SECONDS.toNanos(2));
      assertThat(service.catalog().createApp("acc", "after").id()).isNotEmpty();
    }
    other.get(30, TimeUnit.SECONDS);
  }

  @Test
  void theWaitForAnotherProcesssMigrationEndsAfterTheStartupTimeout() throws Exception {
    String url = TestDatabases.freshPostgres();
    CompletableFuture<Void> other = migrateSlowly(url, 6_000);
    long start = System.nanoTime();
    assertThatThrownBy(() -> RtkService.start(ServiceConfig.of("127.0.0.1", 0, url)
        .withStartupTimeout(Duration.ofSeconds(3))))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("is not ready after 3 s of waiting (--startup-timeout, RTK_STARTUP_TIMEOUT)");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
    assertThat(other).as("the other migration is still running").isNotDone();
    other.get(30, TimeUnit.SECONDS);
  }

  @Test
  void twoProcessesMigratingAFreshSchemaAtTheSameMomentBothStart() throws Exception {
    String url = TestDatabases.freshPostgres();
    CompletableFuture<ServiceProcess> first = CompletableFuture.supplyAsync(() -> start(url));
    CompletableFuture<ServiceProcess> second = CompletableFuture.supplyAsync(() -> start(url));
    try (ServiceProcess a = first.get(60, TimeUnit.SECONDS); ServiceProcess b = second.get(60, TimeUnit.SECONDS)) {
      assertThat(a.client.get("/accounts/acc/realtime/kit/apps", null).status()).isEqualTo(401);
      assertThat(b.client.get("/accounts/acc/realtime/kit/apps", null).status()).isEqualTo(401);
      a.stop();
      b.stop();
    }
  }

  private static ServiceProcess start(String url) {
    try {
      return ServiceProcess.start(url);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Another process's migration of the schema that holds Flyway's lock for {@code holdMillis}
   * after its first step; returns once that step is done (the lock taken).
   */
  private static CompletableFuture<Void> migrateSlowly(String url, long holdMillis) throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    Callback slowFirstStep = new Callback() {
      @Override
      public boolean supports(Event event, Context context) {
        return event == Event.AFTER_EACH_MIGRATE;
      }

      @Override
      public boolean canHandleInTransaction(Event event, Context context) {
        return true;
      }

      @Override
      public void handle(Event event, Context context) {
        if (holding.getCount() > 0) {
          holding.countDown();
          try {
            Thread.sleep(holdMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }

      @Override
      public String getCallbackName() {
        return "slow first step";
      }
    };
    CompletableFuture<Void> migration = CompletableFuture.runAsync(() -> Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
        .callbacks(slowFirstStep)
        .load()
        .migrate());
    assertThat(holding.await(30, TimeUnit.SECONDS)).as("the other migration started").isTrue();
    return migration;
  }
}
