package dev.rtksessions.bench;

import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingProgress;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Session;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes with batched prepared inserts in large transactions, relaxed pragmas (no journal,
 * no sync) during the load, secondary indexes and the FTS triggers dropped; afterwards the
 * indexes and triggers are recreated from their recorded SQL, the FTS5 tables rebuilt, WAL
 * mode restored and ANALYZE run.
 */
final class SqliteSink implements History.Sink, AutoCloseable {
  private static final int BATCH = 5_000;
  private static final long COMMIT_EVERY = 2_000_000;

  private final Connection c;
  private final PreparedStatement meetings;
  private final PreparedStatement events;
  private final PreparedStatement sessions;
  private final PreparedStatement participants;
  private final int[] pending = new int[4];
  private long sinceCommit;
  private final List<String> indexes = new ArrayList<>();
  private final List<String> triggers = new ArrayList<>();

  SqliteSink(String url) throws Exception {
    c = DriverManager.getConnection(url);
    try (Statement st = c.createStatement()) {
      st.execute("PRAGMA journal_mode = OFF");
      st.execute("PRAGMA synchronous = OFF");
      st.execute("PRAGMA cache_size = -2000000");
      st.execute("PRAGMA locking_mode = EXCLUSIVE");
      st.execute("PRAGMA temp_store = FILE");
      try (ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
          + " AND ((type = 'index' AND tbl_name IN ('meetings', 'events', 'sessions', 'participants'))"
          + " OR (type = 'trigger' AND name LIKE '%fts%'))")) {
        List<String[]> found = new ArrayList<>();
        while (rs.next()) {
          found.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
        }
        for (String[] f : found) {
          (f[0].equals("index") ? indexes : triggers).add(f[2]);
          st.execute("DROP " + f[0].toUpperCase(Locale.ROOT) + " " + f[1]);
        }
      }
      for (String t : new String[] {"participants", "sessions", "events", "meetings", "apps"}) {
        st.execute("DELETE FROM " + t);
      }
    }
    c.setAutoCommit(false);
    meetings = c.prepareStatement("INSERT INTO meetings (app_id, id, title, title_search, status, keep_alive_secs,"
        + " record_on_start, live_stream_on_start, persist_chat, summarize_on_end, transcribe_on_end,"
        + " parent_meeting_id, created_at, updated_at, current_session_id, last_event_at, last_event_rank,"
        + " last_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    events = c.prepareStatement("INSERT INTO events (app_id, id, meeting_id, type, at, peer_id, session_id, user_id,"
        + " custom_participant_id, display_name, preset_name, session_type, meta, received_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    sessions = c.prepareStatement("INSERT INTO sessions (app_id, id, meeting_id, parent_session_id, type, live_count,"
        + " peak_count, closed_ms, live_join_sum, created_at, started_at, updated_at, ended_at, live_until, meta)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    participants = c.prepareStatement("INSERT INTO participants (app_id, session_id, peer_id, meeting_id, user_id,"
        + " custom_participant_id, display_name, preset_name, joined_at, left_at, duration_ms, present_since)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  private static void str(PreparedStatement ps, int i, String v) throws Exception {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private static void lng(PreparedStatement ps, int i, Long v) throws Exception {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }

  private void added(PreparedStatement ps, int which) throws Exception {
    ps.addBatch();
    if (++pending[which] >= BATCH) {
      ps.executeBatch();
      pending[which] = 0;
    }
    if (++sinceCommit >= COMMIT_EVERY) {
      flushAll();
      c.commit();
      sinceCommit = 0;
    }
  }

  private void flushAll() throws Exception {
    PreparedStatement[] all = {meetings, events, sessions, participants};
    for (int i = 0; i < 4; i++) {
      if (pending[i] > 0) {
        all[i].executeBatch();
        pending[i] = 0;
      }
    }
  }

  @Override
  public void meeting(Meeting m, MeetingProgress p) throws Exception {
    PreparedStatement ps = meetings;
    ps.setString(1, m.appId());
    ps.setString(2, m.id());
    ps.setString(3, m.title());
    ps.setString(4, m.title().toLowerCase(Locale.ROOT));
    ps.setString(5, m.status().name());
    ps.setInt(6, m.keepAliveSecs());
    ps.setBoolean(7, m.recordOnStart());
    ps.setBoolean(8, m.liveStreamOnStart());
    ps.setBoolean(9, m.persistChat());
    ps.setBoolean(10, m.summarizeOnEnd());
    ps.setBoolean(11, m.transcribeOnEnd());
    str(ps, 12, m.parentMeetingId());
    ps.setLong(13, m.createdAt());
    ps.setLong(14, m.updatedAt());
    str(ps, 15, p.currentSessionId());
    lng(ps, 16, p.lastAt());
    lng(ps, 17, p.lastRank() == null ? null : (long) p.lastRank());
    str(ps, 18, p.lastId());
    added(ps, 0);
  }

  @Override
  public void event(String appId, ParticipantEvent e, long receivedAt) throws Exception {
    PreparedStatement ps = events;
    ps.setString(1, appId);
    ps.setString(2, e.id());
    ps.setString(3, e.meetingId());
    ps.setString(4, e.type().wire());
    ps.setLong(5, e.at());
    str(ps, 6, e.peerId());
    str(ps, 7, e.sessionId());
    str(ps, 8, e.userId());
    str(ps, 9, e.customParticipantId());
    str(ps, 10, e.displayName());
    str(ps, 11, e.presetName());
    str(ps, 12, e.sessionType() == null ? null : e.sessionType().wire());
    str(ps, 13, e.meta());
    ps.setLong(14, receivedAt);
    added(ps, 1);
  }

  @Override
  public void session(Session s) throws Exception {
    PreparedStatement ps = sessions;
    ps.setString(1, s.appId());
    ps.setString(2, s.id());
    ps.setString(3, s.meetingId());
    str(ps, 4, s.parentSessionId());
    ps.setString(5, s.type().wire());
    ps.setInt(6, s.liveCount());
    ps.setInt(7, s.peakCount());
    ps.setLong(8, s.closedMillis());
    ps.setLong(9, s.liveJoinSum());
    ps.setLong(10, s.createdAt());
    ps.setLong(11, s.startedAt());
    ps.setLong(12, s.updatedAt());
    lng(ps, 13, s.endedAt());
    ps.setLong(14, s.liveUntil());
    str(ps, 15, s.meta());
    added(ps, 2);
  }

  @Override
  public void participant(Participant p) throws Exception {
    PreparedStatement ps = participants;
    ps.setString(1, p.appId());
    ps.setString(2, p.sessionId());
    ps.setString(3, p.peerId());
    ps.setString(4, p.meetingId());
    str(ps, 5, p.userId());
    str(ps, 6, p.customParticipantId());
    str(ps, 7, p.displayName());
    str(ps, 8, p.presetName());
    ps.setLong(9, p.joinedAt());
    lng(ps, 10, p.leftAt());
    ps.setLong(11, p.closedMillis());
    lng(ps, 12, p.presentSince());
    added(ps, 3);
  }

  @Override
  public void app(String appId, String accountId, String name, long createdAt) throws Exception {
    flushAll();
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO apps (id, account_id, name, created_at)"
        + " VALUES (?, ?, ?, ?)")) {
      ps.setString(1, appId);
      ps.setString(2, accountId);
      ps.setString(3, name);
      ps.setLong(4, createdAt);
      ps.executeUpdate();
    }
  }

  void finish(java.io.PrintStream log) throws Exception {
    flushAll();
    c.commit();
    c.setAutoCommit(true);
    try (Statement st = c.createStatement()) {
      for (String sql : indexes) {
        long t0 = System.nanoTime();
        st.execute(sql);
        log.printf(Locale.ROOT, "  %-60.60s %6.1f s%n", sql, (System.nanoTime() - t0) / 1e9);
      }
      long t0 = System.nanoTime();
      st.execute("INSERT INTO sessions_fts (sessions_fts) VALUES ('rebuild')");
      st.execute("INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild')");
      log.printf(Locale.ROOT, "  FTS5 rebuild %6.1f s%n", (System.nanoTime() - t0) / 1e9);
      for (String sql : triggers) {
        st.execute(sql);
      }
      t0 = System.nanoTime();
      st.execute("ANALYZE");
      log.printf(Locale.ROOT, "  ANALYZE %6.1f s%n", (System.nanoTime() - t0) / 1e9);
      st.execute("PRAGMA locking_mode = NORMAL");
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA synchronous = FULL");
    }
  }

  @Override
  public void close() throws Exception {
    c.close();
  }
}
