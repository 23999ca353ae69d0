package dev.rtksessions.bench;

import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingProgress;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Session;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes with COPY, one connection per table. Each table is truncated and copied in the same
 * transaction with FREEZE (rows are visible and frozen, the visibility map is set: no vacuum
 * needed for index-only scans). Secondary indexes and primary keys are dropped before and
 * rebuilt after the load, from their recorded definitions.
 */
final class PgSink implements History.Sink, AutoCloseable {
  static final String[] TABLES = {"meetings", "events", "sessions", "participants"};
  private static final String[] COLUMNS = {
      "app_id, id, title, title_search, status, keep_alive_secs, record_on_start, live_stream_on_start, persist_chat,"
          + " summarize_on_end, transcribe_on_end, parent_meeting_id, created_at, updated_at, current_session_id,"
          + " last_event_at, last_event_rank, last_event_id",
      "app_id, id, meeting_id, type, at, peer_id, session_id, user_id, custom_participant_id, display_name,"
          + " preset_name, session_type, meta, received_at",
      "app_id, id, meeting_id, parent_session_id, type, live_count, peak_count, closed_ms, live_join_sum,"
          + " created_at, started_at, updated_at, ended_at, live_until, meta",
      "app_id, session_id, peer_id, meeting_id, user_id, custom_participant_id, display_name, preset_name,"
          + " joined_at, left_at, duration_ms, present_since"};

  private final String url;
  private final Connection admin;
  private final Connection[] conns = new Connection[TABLES.length];
  private final CopyIn[] copies = new CopyIn[TABLES.length];
  private final StringBuilder[] bufs = new StringBuilder[TABLES.length];
  private final List<String[]> dropped = new ArrayList<>(); // {table, name, kind, definition}

  PgSink(String url) throws Exception {
    this.url = url;
    this.admin = DriverManager.getConnection(url);
    admin.setAutoCommit(true);
    try (Statement st = admin.createStatement()) {
      st.execute("DELETE FROM apps");
    }
    dropIndexes();
    for (int t = 0; t < TABLES.length; t++) {
      Connection c = DriverManager.getConnection(url);
      c.setAutoCommit(false);
      try (Statement st = c.createStatement()) {
        st.execute("SET synchronous_commit = off");
        st.execute("TRUNCATE " + TABLES[t]);
      }
      conns[t] = c;
      copies[t] = c.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + TABLES[t] + " (" + COLUMNS[t] + ") FROM STDIN WITH (FREEZE)");
      bufs[t] = new StringBuilder(1 << 20);
    }
  }

  private void dropIndexes() throws Exception {
    try (PreparedStatement ps = admin.prepareStatement("SELECT t.relname, ic.relname, pg_get_indexdef(i.indexrelid),"
        + " con.conname, pg_get_constraintdef(con.oid) FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid"
        + " JOIN pg_class ic ON ic.oid = i.indexrelid LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid"
        + " AND con.conrelid = t.oid WHERE t.relnamespace = current_schema()::regnamespace"
        + " AND t.relname = ANY (?) ORDER BY con.conname NULLS LAST, ic.relname")) {
      ps.setArray(1, admin.createArrayOf("text", TABLES));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(4) != null) {
            dropped.add(new String[] {rs.getString(1), rs.getString(4), "constraint", rs.getString(5)});
          } else {
            dropped.add(new String[] {rs.getString(1), rs.getString(2), "index", rs.getString(3)});
          }
        }
      }
    }
    try (Statement st = admin.createStatement()) {
      for (String[] d : dropped) {
        st.execute(d[2].equals("constraint") ? "ALTER TABLE " + d[0] + " DROP CONSTRAINT " + d[1]
            : "DROP INDEX " + d[1]);
      }
    }
  }

  private void row(int t) throws Exception {
    StringBuilder b = bufs[t];
    b.setCharAt(b.length() - 1, '\n');
    if (b.length() > (1 << 20)) {
      flush(t);
    }
  }

  private void flush(int t) throws Exception {
    byte[] bytes = bufs[t].toString().getBytes(StandardCharsets.UTF_8);
    copies[t].writeToCopy(bytes, 0, bytes.length);
    bufs[t].setLength(0);
  }

  private static void s(StringBuilder b, String v) {
    if (v == null) {
      b.append("\\N");
    } else {
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        switch (ch) {
          case '\\' -> b.append("\\\\");
          case '\t' -> b.append("\\t");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          default -> b.append(ch);
        }
      }
    }
    b.append('\t');
  }

  private static void l(StringBuilder b, Long v) {
    if (v == null) {
      b.append("\\N");
    } else {
      b.append(v.longValue());
    }
    b.append('\t');
  }

  private static void z(StringBuilder b, boolean v) {
    b.append(v ? 't' : 'f').append('\t');
  }

  @Override
  public void meeting(Meeting m, MeetingProgress p) throws Exception {
    StringBuilder b = bufs[0];
    s(b, m.appId());
    s(b, m.id());
    s(b, m.title());
    s(b, m.title().toLowerCase(Locale.ROOT));
    s(b, m.status().name());
    l(b, (long) m.keepAliveSecs());
    z(b, m.recordOnStart());
    z(b, m.liveStreamOnStart());
    z(b, m.persistChat());
    z(b, m.summarizeOnEnd());
    z(b, m.transcribeOnEnd());
    s(b, m.parentMeetingId());
    l(b, m.createdAt());
    l(b, m.updatedAt());
    s(b, p.currentSessionId());
    l(b, p.lastAt());
    l(b, p.lastRank() == null ? null : (long) p.lastRank());
    s(b, p.lastId());
    row(0);
  }

  @Override
  public void event(String appId, ParticipantEvent e, long receivedAt) throws Exception {
    StringBuilder b = bufs[1];
    s(b, appId);
    s(b, e.id());
    s(b, e.meetingId());
    s(b, e.type().wire());
    l(b, e.at());
    s(b, e.peerId());
    s(b, e.sessionId());
    s(b, e.userId());
    s(b, e.customParticipantId());
    s(b, e.displayName());
    s(b, e.presetName());
    s(b, e.sessionType() == null ? null : e.sessionType().wire());
    s(b, e.meta());
    l(b, receivedAt);
    row(1);
  }

  @Override
  public void session(Session x) throws Exception {
    StringBuilder b = bufs[2];
    s(b, x.appId());
    s(b, x.id());
    s(b, x.meetingId());
    s(b, x.parentSessionId());
    s(b, x.type().wire());
    l(b, (long) x.liveCount());
    l(b, (long) x.peakCount());
    l(b, x.closedMillis());
    l(b, x.liveJoinSum());
    l(b, x.createdAt());
    l(b, x.startedAt());
    l(b, x.updatedAt());
    l(b, x.endedAt());
    l(b, x.liveUntil());
    s(b, x.meta());
    row(2);
  }

  @Override
  public void participant(Participant p) throws Exception {
    StringBuilder b = bufs[3];
    s(b, p.appId());
    s(b, p.sessionId());
    s(b, p.peerId());
    s(b, p.meetingId());
    s(b, p.userId());
    s(b, p.customParticipantId());
    s(b, p.displayName());
    s(b, p.presetName());
    l(b, p.joinedAt());
    l(b, p.leftAt());
    l(b, p.closedMillis());
    l(b, p.presentSince());
    row(3);
  }

  @Override
  public void app(String appId, String accountId, String name, long createdAt) throws Exception {
    try (PreparedStatement ps = admin.prepareStatement("INSERT INTO apps (id, account_id, name, created_at)"
        + " VALUES (?, ?, ?, ?)")) {
      ps.setString(1, appId);
      ps.setString(2, accountId);
      ps.setString(3, name);
      ps.setLong(4, createdAt);
      ps.executeUpdate();
    }
  }

  /** Ends the copies and rebuilds the indexes (timed); {@link #vacuum} comes after the counters. */
  void finish(java.io.PrintStream log) throws Exception {
    for (int t = 0; t < TABLES.length; t++) {
      flush(t);
      copies[t].endCopy();
      conns[t].commit();
      conns[t].close();
    }
    log.printf(Locale.ROOT, "  rows copied; rebuilding %d indexes%n", dropped.size());
    // Two connections build indexes side by side (two cores); each may use parallel workers.
    List<String[]> a = new ArrayList<>();
    List<String[]> b = new ArrayList<>();
    for (String[] d : dropped) {
      (d[0].equals("events") ? a : b).add(d);
    }
    Thread other = new Thread(() -> rebuild(b, log));
    other.start();
    rebuild(a, log);
    other.join();
  }

  /**
   * VACUUM (ANALYZE) of the filled store, once the counters are recounted: the recount rewrites
   * every meeting row, leaving a dead version of each behind for every page's title lookups,
   * and this machine's PostgreSQL runs with {@code autovacuum = off}, so nothing else would
   * clean them up as it would in a store in use. The copied tables were frozen by COPY FREEZE:
   * their vacuum only skips pages (8 s in all at full size).
   */
  static void vacuum(String url, java.io.PrintStream log) throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("VACUUM (ANALYZE)");
    }
    log.printf(Locale.ROOT, "  VACUUM (ANALYZE) %.1f s%n", (System.nanoTime() - t0) / 1e9);
  }

  private void rebuild(List<String[]> defs, java.io.PrintStream log) {
    try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
      st.execute("SET maintenance_work_mem = '1GB'");
      st.execute("SET max_parallel_maintenance_workers = 1");
      for (String[] d : defs) {
        long t0 = System.nanoTime();
        st.execute(d[2].equals("constraint") ? "ALTER TABLE " + d[0] + " ADD CONSTRAINT " + d[1] + " " + d[3]
            : d[3]);
        log.printf(Locale.ROOT, "  %-28s %6.1f s%n", d[1], (System.nanoTime() - t0) / 1e9);
      }
    } catch (Exception e) {
      throw new IllegalStateException("index rebuild failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() throws Exception {
    admin.close();
  }
}
