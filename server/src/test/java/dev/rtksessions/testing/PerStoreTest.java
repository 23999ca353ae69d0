package dev.rtksessions.testing;

import dev.rtksessions.service.ServiceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * A suite that runs once per store: one service for the whole class, on the store the
 * concrete subclass names (by convention nested classes OnSqliteTest and OnPostgresTest).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PerStoreTest {
  protected TestService t;

  protected abstract TestDatabases.Kind kind();

  /** More configuration for the suite's service (a webhook key, for example); none by default. */
  protected ServiceConfig configure(ServiceConfig config) {
    return config;
  }

  @BeforeAll
  void startService() {
    t = TestService.start(kind(), this::configure);
  }

  @AfterAll
  void stopService() {
    t.close();
  }
}
