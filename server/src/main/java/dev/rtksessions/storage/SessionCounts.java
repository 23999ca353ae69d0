package dev.rtksessions.storage;

import dev.rtksessions.model.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Maintained numbers of top-level sessions, kept exact by the session engine in the
 * transaction that changes the sessions: per meeting ({@code meetings.session_count}) and per
 * app and bucket ({@code session_buckets}: the app's total, creation day, peak concurrency). A
 * {@code total_count} over years of history then sums a few hundred counters instead of
 * counting millions of index entries, and a deep page finds its day.
 *
 * <p>Each bucket is split over {@link #STRIPES} rows; a transaction adds to one stripe it picks
 * at random. Counter rows stay locked until commit, so with one row per bucket every batch
 * that created a session today would wait for the previous one's commit.
 */
public final class SessionCounts {
  /** Buckets of creation time, in epoch milliseconds: UTC days. */
  public static final long DAY_MS = 86_400_000L;
  static final int STRIPES = 8;

  /** What a bucket groups sessions by. */
  public enum Dimension {
    TOTAL("t"),
    CREATED_DAY("d"),
    PEAK("p");

    private final String code;

    Dimension(String code) {
      this.code = code;
    }
  }

  /** Where the session at an offset of the unfiltered list by creation time lies. */
  public record DayOffset(long day, long offsetInDay) {}

  /**
   * The changes one engine transaction makes: every stored session it replaces is removed and
   * every session it writes is added; sessions that did not change cancel out.
   */
  public static final class Changes {
    // Sorted keys give every transaction the same lock order on the counter rows.
    private final TreeMap<Bucket, Long> buckets =
        new TreeMap<>(Comparator.comparing(Bucket::dimension).thenComparingLong(Bucket::bucket));
    private final TreeMap<String, Long> meetings = new TreeMap<>();

    public void add(Session s) {
      tally(s, 1);
    }

    public void remove(Session s) {
      tally(s, -1);
    }

    public void addAll(Collection<Session> sessions) {
      sessions.forEach(this::add);
    }

    public void removeAll(Collection<Session> sessions) {
      sessions.forEach(this::remove);
    }

    private void tally(Session s, long sign) {
      if (s.parentSessionId() != null) {
        return;
      }
      meetings.merge(s.meetingId(), sign, Long::sum);
      buckets.merge(new Bucket(Dimension.TOTAL, 0), sign, Long::sum);
      buckets.merge(new Bucket(Dimension.CREATED_DAY, Math.floorDiv(s.createdAt(), DAY_MS)), sign, Long::sum);
      buckets.merge(new Bucket(Dimension.PEAK, s.peakCount()), sign, Long::sum);
    }
  }

  private record Bucket(Dimension dimension, long bucket) {}

  /** Applies the changes inside the transaction that made them: meetings (already locked), then buckets. */
  public void apply(Connection c, String appId, Changes changes) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE meetings SET session_count = session_count + ? WHERE app_id = ? AND id = ?")) {
      int n = 0;
      for (Map.Entry<String, Long> e : changes.meetings.entrySet()) {
        if (e.getValue() != 0) {
          ps.setLong(1, e.getValue());
          ps.setString(2, appId);
          ps.setString(3, e.getKey());
          ps.addBatch();
          n++;
        }
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
    int stripe = ThreadLocalRandom.current().nextInt(STRIPES);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_buckets (app_id, kind, bucket, stripe,"
        + " sessions) VALUES (?, ?, ?, ?, ?) ON CONFLICT (app_id, kind, bucket, stripe)"
        + " DO UPDATE SET sessions = session_buckets.sessions + excluded.sessions")) {
      int n = 0;
      for (Map.Entry<Bucket, Long> e : changes.buckets.entrySet()) {
        if (e.getValue() != 0) {
          ps.setString(1, appId);
          ps.setString(2, e.getKey().dimension().code);
          ps.setLong(3, e.getKey().bucket());
          ps.setInt(4, stripe);
          ps.setLong(5, e.getValue());
          ps.addBatch();
          n++;
        }
      }
      if (n > 0) {
        ps.executeBatch();
      }
    }
  }

  /** The app's number of top-level sessions. */
  public long ofApp(Connection c, String appId) throws SQLException {
    return sum(c, appId, Dimension.TOTAL, 0, 0);
  }

  /** SQL for {@link #ofApp} as a scalar subquery binding the app id once, to read it beside other columns. */
  static final String OF_APP_SQL = "SELECT COALESCE(SUM(b.sessions), 0) FROM session_buckets b"
      + " WHERE b.app_id = ? AND b.kind = 't' AND b.bucket = 0";

  /** The number of top-level sessions of a meeting. */
  public long ofMeeting(Connection c, String appId, String meetingId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT session_count FROM meetings WHERE app_id = ? AND id = ?")) {
      ps.setString(1, appId);
      ps.setString(2, meetingId);
      return Jdbc.singleLong(ps);
    }
  }

  /** The sum of the app's buckets from {@code first} to {@code last}, both inclusive. */
  public long sum(Connection c, String appId, Dimension d, long first, long last) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(sessions), 0) FROM session_buckets"
        + " WHERE app_id = ? AND kind = ? AND bucket >= ? AND bucket <= ?")) {
      ps.setString(1, appId);
      ps.setString(2, d.code);
      ps.setLong(3, first);
      ps.setLong(4, last);
      return Jdbc.singleLong(ps);
    }
  }

  /**
   * The creation day holding the session at {@code offset} of the app's unfiltered list, and
   * that session's offset within the day; empty past the end. Walks the day counters from the
   * list's first day, so it reads at most one bucket per day of history.
   */
  public Optional<DayOffset> dayAt(Connection c, String appId, long offset, boolean ascending)
      throws SQLException {
    String dir = ascending ? "ASC" : "DESC";
    try (PreparedStatement ps = c.prepareStatement("SELECT bucket, SUM(sessions) FROM session_buckets"
        + " WHERE app_id = ? AND kind = ? GROUP BY bucket ORDER BY bucket " + dir)) {
      ps.setString(1, appId);
      ps.setString(2, Dimension.CREATED_DAY.code);
      long before = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long inDay = rs.getLong(2);
          if (offset < before + inDay) {
            return Optional.of(new DayOffset(rs.getLong(1), offset - before));
          }
          before += inDay;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Recomputes every counter from the session rows, for stores filled in bulk (the benchmark's
   * generator).
   */
  public void recount(Connection c) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.executeUpdate("DELETE FROM session_buckets");
      for (String counts : List.of(COUNT_TOTALS, COUNT_DAYS, COUNT_PEAKS)) {
        st.executeUpdate("INSERT INTO session_buckets (app_id, kind, bucket, stripe, sessions)"
            + " SELECT app_id, kind, bucket, 0, sessions FROM (" + counts + ") counted");
      }
      st.executeUpdate("UPDATE meetings SET session_count = (" + COUNT_OF_MEETING + ")");
    }
  }

  /**
   * Every counter that differs from a count of the session rows, described; empty when all are
   * exact. The benchmark's check and the engine's tests hold the maintained counters to it.
   */
  public List<String> verify(Connection c) throws SQLException {
    List<String> differences = new ArrayList<>();
    Map<String, Long> expected = new TreeMap<>();
    Map<String, Long> actual = new TreeMap<>();
    for (String counts : List.of(COUNT_TOTALS, COUNT_DAYS, COUNT_PEAKS)) {
      readInto(c, counts, expected);
    }
    readInto(c, "SELECT app_id, kind, bucket, SUM(sessions) FROM session_buckets GROUP BY app_id, kind, bucket"
        + " HAVING SUM(sessions) <> 0", actual);
    Set<String> keys = new TreeSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String key : keys) {
      if (!Objects.equals(expected.get(key), actual.get(key))) {
        differences.add("bucket " + key + ": counter " + actual.get(key) + ", rows " + expected.get(key));
      }
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT app_id, id, session_count, (" + COUNT_OF_MEETING + ")"
        + " FROM meetings WHERE session_count <> (" + COUNT_OF_MEETING + ")"); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        differences.add("meeting " + rs.getString(1) + "/" + rs.getString(2) + ": counter " + rs.getLong(3)
            + ", rows " + rs.getLong(4));
      }
    }
    return differences;
  }

  private static final String TOP_LEVEL = " FROM sessions WHERE parent_session_id IS NULL";
  private static final String COUNT_TOTALS = "SELECT app_id, 't' AS kind, 0 AS bucket, COUNT(*) AS sessions"
      + TOP_LEVEL + " GROUP BY app_id";
  private static final String COUNT_DAYS = "SELECT app_id, 'd' AS kind, created_at / " + DAY_MS + " AS bucket,"
      + " COUNT(*) AS sessions" + TOP_LEVEL + " GROUP BY app_id, created_at / " + DAY_MS;
  private static final String COUNT_PEAKS = "SELECT app_id, 'p' AS kind, peak_count AS bucket, COUNT(*) AS sessions"
      + TOP_LEVEL + " GROUP BY app_id, peak_count";
  private static final String COUNT_OF_MEETING = "SELECT COUNT(*) FROM sessions s WHERE s.app_id = meetings.app_id"
      + " AND s.meeting_id = meetings.id AND s.parent_session_id IS NULL";

  private static void readInto(Connection c, String sql, Map<String, Long> into) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.put(rs.getString(1) + "/" + rs.getString(2) + "/" + rs.getLong(3), rs.getLong(4));
      }
    }
  }
}
