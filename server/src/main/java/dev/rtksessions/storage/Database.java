package dev.rtksessions.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool, schema migrations and transaction boundaries for one store.
 * Stores run their SQL inside {@link #read} and {@link #write}.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);
  private static final int MAX_ATTEMPTS = 8;
  /**
   * How long a request waits for a pool connection, and for a pooled connection's check: with as
   * many HTTP workers as connections a request finds one free unless the store is unreachable
   * (or a connection is being replaced, a few milliseconds), so waiting longer only delays the
   * 503 of an outage.
   */
  static final int CONNECTION_WAIT_MS = 1_000;
  /**
   * How long one statement of a request waits for PostgreSQL's answer before the request fails
   * (503): without it a frozen server (or dropped packets) held requests, and the workers, for as
   * long as TCP retransmits. The service's statements take milliseconds (docs/benchmarks.md);
   * a URL that sets pgjdbc's {@code socketTimeout} (seconds) sets this bound instead.
   */
  static final int STATEMENT_WAIT_MS = 1_500;
  /**
   * How long a statement that queues behind other writers ({@link #mayWaitForWriters}) waits:
   * on a healthy store a batch can wait for other batches' whole transactions on a busy meeting.
   */
  static final int WRITERS_WAIT_MS = 10_000;

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final String description;
  // SQLite has one writer at a time; queueing writers here beats spinning on SQLITE_BUSY.
  private final ReentrantLock sqliteWriter = new ReentrantLock(true);
  // 0 when requests' statements are not bounded here (SQLite, or a URL with its own socketTimeout).
  private final int statementWaitMs;
  private final LongAdder conflictRetries = new LongAdder();

  /** A unit of work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private Database(HikariDataSource dataSource, Dialect dialect, String description, int statementWaitMs) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.description = description;
    this.statementWaitMs = statementWaitMs;
  }

  /** The embedded default: a SQLite file in WAL mode under {@code dataDir}. */
  public static String sqliteUrl(Path dataDir) {
    return "jdbc:sqlite:" + dataDir.resolve("rtk-sessions.db").toAbsolutePath().normalize();
  }

  /**
   * Opens the pool and migrates the schema to the newest version, for tools: the store must
   * answer at once, and statements may run as long as they need (bulk loads, recounts).
   */
  public static Database open(String jdbcUrl, int maxPoolSize) {
    return open(jdbcUrl, maxPoolSize, Duration.ZERO, false);
  }

  /**
   * Opens the store for the service: waits up to {@code startupTimeout} for it to accept
   * connections (a server still starting) and for another process's migration, and bounds how
   * long a request's statement waits for PostgreSQL ({@link #STATEMENT_WAIT_MS}).
   */
  public static Database openForService(String jdbcUrl, int maxPoolSize, Duration startupTimeout) {
    return open(jdbcUrl, maxPoolSize, startupTimeout, true);
  }

  private static Database open(String jdbcUrl, int maxPoolSize, Duration startupTimeout, boolean boundStatements) {
    Dialect dialect = Dialect.forJdbcUrl(jdbcUrl);
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setPoolName("rtk-" + dialect.name().toLowerCase(Locale.ROOT));
    config.setMaximumPoolSize(maxPoolSize);
    config.setConnectionTimeout(CONNECTION_WAIT_MS);
    config.setValidationTimeout(CONNECTION_WAIT_MS);
    config.setInitializationFailTimeout(-1);
    if (dialect == Dialect.SQLITE) {
      createParentDirectory(jdbcUrl);
      config.addDataSourceProperty("journal_mode", "WAL");
      // FULL: a batch is on disk, not just in the OS cache, when it is acknowledged.
      config.addDataSourceProperty("synchronous", "FULL");
      config.addDataSourceProperty("busy_timeout", "10000");
      config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
    }
    if (dialect == Dialect.POSTGRESQL) {
      // The service's statements are short; JIT compilation cost more than it saved (seen: 65 ms
      // of JIT on a 1.7 s search count on the benchmark store).
      config.setConnectionInitSql("SET jit = off");
      // A batch of 500 events is then a few multi-row INSERTs rather than 500 executions
      // (ingest: 15,000 → 17,500 events/s on the benchmark store).
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    HikariDataSource ds = new HikariDataSource(config);
    String description = dialect == Dialect.SQLITE ? jdbcUrl.substring("jdbc:".length()) : redact(jdbcUrl);
    boolean bounded = boundStatements && dialect == Dialect.POSTGRESQL && !dialect.urlBoundsStatements(jdbcUrl);
    Database db = new Database(ds, dialect, description, bounded ? STATEMENT_WAIT_MS : 0);
    try {
      db.migrate(startupTimeout);
    } catch (RuntimeException e) {
      ds.close();
      throw e;
    }
    return db;
  }

  private static void createParentDirectory(String jdbcUrl) {
    String file = jdbcUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    if (query >= 0) {
      file = file.substring(0, query);
    }
    if (file.isEmpty() || file.startsWith(":memory:")) {
      return;
    }
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (java.io.IOException e) {
      throw new StorageException("cannot create the data directory " + parent + ": " + e.getMessage(), e);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("password=[^&]*", "password=***");
  }

  /**
   * Migrates the schema. While the store refuses connections (not up yet, still starting, out of
   * connections) it tries again every half second, and Flyway waits for the migration lock that
   * another process holds, each until {@code timeout} has passed; what it waits for is logged.
   * Any other failure ends the start at once.
   */
  private void migrate(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextLog = System.nanoTime();
    while (true) {
      long left = deadline - System.nanoTime();
      try {
        migrateOnce(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left)), timeout);
        return;
      } catch (FlywayException e) {
        SQLException cause = sqlCause(e);
        boolean refused = cause instanceof SQLTransientConnectionException
            || (cause != null && dialect.isUnavailable(cause));
        // Past the deadline, a failure other than a refusal is Flyway giving up on another
        // process's lock (unless there was no time to wait at all: then it is the failure itself).
        if (System.nanoTime() >= deadline && (refused || !timeout.isZero())) {
          throw new StorageUnavailableException("the store at " + description + " is not ready after "
              + timeout.toSeconds() + " s of waiting (--startup-timeout, RTK_STARTUP_TIMEOUT): " + reason(e), e);
        }
        if (!refused) {
          throw e;
        }
        if (System.nanoTime() >= nextLog) {
          log.warn("waiting for the store at {} to accept connections ({}); giving up in {} s", description,
              reason(e), TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime() + 999_999_999));
          nextLog = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        }
        sleep(Math.min(500, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
    }
  }

  /** One Flyway run, which waits for another process's migration lock up to {@code lockWaitSeconds}. */
  private void migrateOnce(long lockWaitSeconds, Duration timeout) {
    long start = System.nanoTime();
    ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "rtk-migration-watch");
      t.setDaemon(true);
      return t;
    });
    watch.scheduleAtFixedRate(() -> log.info("the schema migration of {} has run for {} s: a long migration, or"
        + " waiting for another process's (up to {} s)", description,
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start), timeout.toSeconds()), 5, 5, TimeUnit.SECONDS);
    try {
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration/common",
              "classpath:db/migration/" + dialect.name().toLowerCase(Locale.ROOT))
          // Flyway tries to take its lock once a second.
          .lockRetryCount((int) Math.min(Integer.MAX_VALUE, lockWaitSeconds))
          .load()
          .migrate();
    } finally {
      watch.shutdownNow();
    }
  }

  private static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  /** The innermost message: the driver's own words (connection refused, starting up). */
  private static String reason(Throwable e) {
    Throwable inner = e;
    while (inner.getCause() != null) {
      inner = inner.getCause();
    }
    String message = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(Math.max(0, millis));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while waiting for the store", e);
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Where the data lives, for humans (passwords removed). */
  public String description() {
    return description;
  }

  /** Runs read-only work in auto-commit mode. */
  public <T> T read(Work<T> work) {
    try (Connection c = connection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /**
   * Runs work in one transaction and commits it; conflicts between concurrent writers
   * (deadlocks, serialization failures, a busy SQLite file) are retried.
   */
  public <T> T write(Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      boolean locked = false;
      if (dialect == Dialect.SQLITE) {
        sqliteWriter.lock();
        locked = true;
      }
      try (Connection c = connection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(dialect.forWrites(c));
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          rollbackQuietly(c);
          throw e;
        } finally {
          restoreAutoCommit(c);
        }
      } catch (SQLException e) {
        if (dialect.isRetryable(e) && attempt < MAX_ATTEMPTS) {
          // Writers take their locks in key order, so this should not happen on PostgreSQL: say so.
          conflictRetries.increment();
          log.info("a write conflicted with another (SQLSTATE {}); running it again (attempt {})", e.getSQLState(),
              attempt + 1);
          backOff(attempt);
          continue;
        }
        throw translate(e);
      } finally {
        if (locked) {
          sqliteWriter.unlock();
        }
      }
    }
  }

  /**
   * Runs a statement of a write transaction that may wait for other writers' row locks, with
   * {@link #WRITERS_WAIT_MS} instead of the request bound. The transaction must have had an
   * answer from the store just before (a statement under the request bound), so that a store
   * that stopped answering is still noticed within that bound.
   */
  public <T> T mayWaitForWriters(Connection c, Work<T> statement) throws SQLException {
    if (statementWaitMs == 0) {
      return statement.run(c);
    }
    c.setNetworkTimeout(Runnable::run, WRITERS_WAIT_MS);
    T result = statement.run(c);
    c.setNetworkTimeout(Runnable::run, statementWaitMs);
    return result;
  }

  /** How many write transactions were run again after a conflict (deadlock, busy SQLite file) so far. */
  public long conflictRetries() {
    return conflictRetries.sum();
  }

  /** True when the store answers a trivial query (within about a second). */
  public boolean isReachable() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }

  /** A pool connection for a request's work; the pool restores its network timeout when it is returned. */
  private Connection connection() throws SQLException {
    Connection c = dataSource.getConnection();
    if (statementWaitMs > 0) {
      try {
        c.setNetworkTimeout(Runnable::run, statementWaitMs);
      } catch (SQLException e) {
        c.close();
        throw e;
      }
    }
    return c;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is broken; the pool will discard it.
    }
  }

  /**
   * Puts a pooled connection back in auto-commit mode. On a connection that broke during the
   * work this fails too; the failure is dropped so that the work's own failure, which says what
   * happened (storage unavailable), is the one reported.
   */
  private static void restoreAutoCommit(Connection c) {
    try {
      c.setAutoCommit(true);
    } catch (SQLException ignored) {
      // The connection is broken; the pool will discard it.
    }
  }

  private static void backOff(int attempt) {
    try {
      Thread.sleep(Math.min(200, (long) (Math.random() * 10 * attempt)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private StorageException translate(SQLException e) {
    if (dialect.isUniqueViolation(e)) {
      return new UniqueViolationException(e.getMessage(), e);
    }
    if (e instanceof SQLTransientConnectionException || dialect.isUnavailable(e) || dialect.isRetryable(e)) {
      return new StorageUnavailableException("storage unavailable: " + e.getMessage(), e);
    }
    return new StorageException("storage failure: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
