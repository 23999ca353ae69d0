package dev.rtksessions.testing;

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

  @BeforeAll
  void startService() {
    t = TestService.start(kind());
  }

  @AfterAll
  void stopService() {
    t.close();
  }
}
