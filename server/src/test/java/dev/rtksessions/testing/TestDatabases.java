package dev.rtksessions.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Real databases for tests. SQLite: a fresh file. PostgreSQL: a fresh schema in the server
 * named by RTK_TEST_POSTGRES_URL (CI), or else in an embedded PostgreSQL started once per JVM.
 */
public final class TestDatabases {
  public static final String POSTGRES_URL_ENV = "RTK_TEST_POSTGRES_URL";
  private static String postgresBaseUrl;
  private static EmbeddedPostgres embedded;
  private static final List<String> createdSchemas = new ArrayList<>();

  private TestDatabases() {}

  /** The two stores every API test runs against. */
  public enum Kind { SQLITE, POSTGRESQL }

  public static String fresh(Kind kind) {
    return kind == Kind.SQLITE ? freshSqlite() : freshPostgres();
  }

  public static String freshSqlite() {
    try {
      Path dir = Files.createTempDirectory("rtk-test-sqlite");
      return "jdbc:sqlite:" + dir.resolve("rtk-sessions.db");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JDBC URL whose default schema is new and empty. */
  public static String freshPostgres() {
    String base = postgresBaseUrl();
    String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(base); Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a test schema in " + base + ": " + e.getMessage(), e);
    }
    synchronized (TestDatabases.class) {
      createdSchemas.add(schema);
    }
    return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
  }

  private static synchronized String postgresBaseUrl() {
    if (postgresBaseUrl != null) {
      return postgresBaseUrl;
    }
    String fromEnv = System.getenv(POSTGRES_URL_ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      postgresBaseUrl = fromEnv;
      // pg_trgm in the shared server's public schema: a migration would otherwise create it in
      // the first test schema, and dropping that schema would take every other schema's
      // trigram indexes with it (and wait on their locks, if another run is using them).
      try (Connection c = DriverManager.getConnection(fromEnv); Statement st = c.createStatement()) {
        st.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
      } catch (SQLException e) {
        System.err.println("pg_trgm could not be created in the public schema: " + e.getMessage());
      }
      // A shared server outlives the tests: leave it as it was found.
      Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropCreatedSchemas));
    } else {
      try {
        embedded = EmbeddedPostgres.builder().start();
        postgresBaseUrl = embedded.getJdbcUrl("postgres", "postgres");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            embedded.close();
          } catch (IOException ignored) {
            // the JVM is going away
          }
        }));
      } catch (IOException e) {
        throw new IllegalStateException("cannot start an embedded PostgreSQL (set " + POSTGRES_URL_ENV
            + " to use a running server): " + e.getMessage(), e);
      }
    }
    return postgresBaseUrl;
  }

  private static synchronized void dropCreatedSchemas() {
    try (Connection c = DriverManager.getConnection(postgresBaseUrl); Statement st = c.createStatement()) {
      for (String schema : createdSchemas) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    } catch (SQLException e) {
      System.err.println("could not drop test schemas: " + e.getMessage());
    }
  }
}
