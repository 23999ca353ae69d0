package dev.rtksessions.storage;

import java.sql.SQLException;

/**
 * The few places where SQLite and PostgreSQL differ. Everything else in the stores is
 * plain SQL that both accept.
 */
public enum Dialect {
  SQLITE {
    @Override
    public String lockRowsSuffix() {
      // A write transaction already holds SQLite's single writer lock (BEGIN IMMEDIATE).
      return "";
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
      // SQLITE_CONSTRAINT_PRIMARYKEY (1555) and SQLITE_CONSTRAINT_UNIQUE (2067) arrive as code 19.
      return e.getErrorCode() == 19 || e.getErrorCode() == 1555 || e.getErrorCode() == 2067;
    }

    @Override
    boolean isRetryable(SQLException e) {
      return e.getErrorCode() == 5 || e.getErrorCode() == 6; // SQLITE_BUSY, SQLITE_LOCKED
    }

    @Override
    boolean isUnavailable(SQLException e) {
      return e.getErrorCode() == 10 || e.getErrorCode() == 13 || e.getErrorCode() == 14; // IOERR, FULL, CANTOPEN
    }
  },

  POSTGRESQL {
    @Override
    public String lockRowsSuffix() {
      return " FOR UPDATE";
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
      return "23505".equals(e.getSQLState());
    }

    @Override
    boolean isRetryable(SQLException e) {
      String state = e.getSQLState();
      return "40001".equals(state) || "40P01".equals(state);
    }

    @Override
    boolean isUnavailable(SQLException e) {
      String state = e.getSQLState();
      return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }
  };

  /** Runs first in every write transaction. */

  /** Appended to a SELECT that must lock the rows it reads until the transaction ends. */
  public abstract String lockRowsSuffix();

  abstract boolean isUniqueViolation(SQLException e);

  /** Conflicts between concurrent transactions that succeed when run again. */
  abstract boolean isRetryable(SQLException e);

  /** The database cannot be reached or cannot store anything right now. */
  abstract boolean isUnavailable(SQLException e);

  public static Dialect forJdbcUrl(String url) {
    if (url.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported database URL (expected jdbc:sqlite: or jdbc:postgresql:): " + url);
  }
}
