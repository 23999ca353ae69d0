package dev.rtksessions.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.postgresql.PGStatement;

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
    public String claimRowsSuffix() {
      return "";
    }

    /**
     * FTS5 trigram tables ({@code meetings_fts}, {@code sessions_fts}) find candidates; their
     * LIKE is a superset (no escapes), which instr() on the lower-cased columns makes exact.
     */
    @Override
    SearchSql search(String text) {
      String like = "%" + text + "%";
      return new SearchSql(
          "m.rowid IN (SELECT rowid FROM meetings_fts WHERE meetings_fts.title_search LIKE ?"
              + " UNION SELECT rowid FROM meetings_fts WHERE meetings_fts.id LIKE ?)"
              + " AND (instr(m.title_search, ?) > 0 OR instr(lower(m.id), ?) > 0)",
          List.of(like, like, text, text),
          "instr(m.title_search, ?) > 0 OR instr(lower(m.id), ?) > 0", List.of(text, text),
          "rowid IN (SELECT rowid FROM sessions_fts WHERE sessions_fts.id LIKE ?) AND instr(lower(id), ?) > 0",
          List.of(like, text));
    }

    /** A JSON array, read by json_each: SQLite probes the column's index with each value. */
    @Override
    String inList(String column) {
      return column + " IN (SELECT value FROM json_each(?))";
    }

    @Override
    BoundList list(List<String> values) {
      String json;
      try {
        json = JSON.writeValueAsString(values);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("cannot write a list of strings as JSON", e);
      }
      return (ps, index) -> ps.setString(index, json);
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
    public String claimRowsSuffix() {
      return " FOR UPDATE SKIP LOCKED";
    }

    /** pg_trgm GIN indexes serve LIKE on the lower-cased columns (wildcards in the text escaped). */
    @Override
    SearchSql search(String text) {
      String like = Jdbc.likeContains(text);
      String meeting = "m.title_search LIKE ? ESCAPE '\\' OR LOWER(m.id) LIKE ? ESCAPE '\\'";
      return new SearchSql("(" + meeting + ")", List.of(like, like), meeting, List.of(like, like),
          "LOWER(id) LIKE ? ESCAPE '\\'", List.of(like));
    }

    /** A text[] array: one value however many it holds, and = ANY is an index condition. */
    @Override
    String inList(String column) {
      return column + " = ANY(?)";
    }

    @Override
    BoundList list(List<String> values) {
      return (ps, index) -> ps.setArray(index, ps.getConnection().createArrayOf("text", values.toArray()));
    }

    /**
     * In write transactions, SELECTs are planned for their values: generic plans cached while
     * tables were small (a fresh database taking a burst of events) kept scanning whole apps
     * once they grew. INSERT, UPDATE and DELETE keep cached plans: planning each row of a
     * batch cost PostgreSQL more than storing it (ingest: 17,500 events/s with every statement
     * planned, 20,600 without).
     */
    @Override
    Connection forWrites(Connection c) {
      return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
          (proxy, method, args) -> {
            Object result;
            try {
              result = method.invoke(c, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
            if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                && ((String) args[0]).stripLeading().regionMatches(true, 0, "SELECT", 0, 6)) {
              planForValues(ps);
            }
            return result;
          });
    }

    /**
     * The driver then never prepares the statement by name, so PostgreSQL plans each execution
     * for its values instead of switching to a generic plan after five (seen: a filtered list
     * from 12 ms to 7.4 s on its sixth request, when the generic plan scanned the whole app).
     */
    @Override
    void planForValues(PreparedStatement ps) throws SQLException {
      ps.unwrap(PGStatement.class).setPrepareThreshold(0);
    }

    @Override
    boolean urlBoundsStatements(String jdbcUrl) {
      Properties parsed = Driver.parseURL(jdbcUrl, null);
      return parsed != null && parsed.getProperty(PGProperty.SOCKET_TIMEOUT.getName()) != null;
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

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Whether the URL bounds how long a statement waits for the server itself (pgjdbc's socketTimeout). */
  boolean urlBoundsStatements(String jdbcUrl) {
    return false;
  }

  /** The connection a write transaction's work is given. */
  Connection forWrites(Connection c) {
    return c;
  }

  /** Marks a read whose best plan depends on the values it binds (ranges, lists, limits). */
  void planForValues(PreparedStatement ps) throws SQLException {}

  /**
   * How this store finds a lower-cased text as a substring of meeting titles and ids (a meeting
   * {@code m}) and of session ids (a session row, unqualified). {@code meetingCondition} may use
   * the store's search index; {@code ownMeetingCondition} tests one meeting row already found.
   */
  record SearchSql(String meetingCondition, List<Object> meetingValues, String ownMeetingCondition,
      List<Object> ownMeetingValues, String sessionIdCondition, List<Object> sessionIdValues) {}

  /** The search conditions for {@code text} (lower-cased) on this store. */
  abstract SearchSql search(String text);

  /** A list of strings bound as one parameter (see {@link #inList}). */
  interface BoundList {
    void bind(PreparedStatement ps, int index) throws SQLException;
  }

  /** The condition "{@code column} is one of the strings bound as one {@link #list}". */
  abstract String inList(String column);

  abstract BoundList list(List<String> values);

  /** Appended to a SELECT that must lock the rows it reads until the transaction ends. */
  public abstract String lockRowsSuffix();

  /**
   * Appended to a SELECT that takes rows for one worker: rows another transaction has locked
   * are passed over (several senders share one outbox).
   */
  public abstract String claimRowsSuffix();

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
