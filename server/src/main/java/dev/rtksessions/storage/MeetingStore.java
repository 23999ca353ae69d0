package dev.rtksessions.storage;

import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingFilter;
import dev.rtksessions.model.MeetingProgress;
import dev.rtksessions.model.MeetingStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Meetings (rooms). */
public final class MeetingStore {
  private static final String COLUMNS = "app_id, id, title, status, keep_alive_secs, record_on_start,"
      + " live_stream_on_start, persist_chat, summarize_on_end, transcribe_on_end, parent_meeting_id,"
      + " created_at, updated_at";
  private static final String INSERT = "INSERT INTO meetings (" + COLUMNS + ", title_search)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Database db;
  private final AppChanges changes;

  public MeetingStore(Database db, AppChanges changes) {
    this.db = db;
    this.changes = changes;
  }

  /** Inserts a new meeting; a meeting with the same id raises {@link UniqueViolationException}. */
  public void insert(Meeting m) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(INSERT)) {
        bind(ps, m);
        ps.executeUpdate();
      }
      changes.record(c, m.appId());
      return null;
    });
  }

  /** Rewrites a meeting's settings; returns false when it does not exist. */
  public boolean update(Meeting m) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE meetings SET title = ?, title_search = ?, status = ?,"
          + " keep_alive_secs = ?, record_on_start = ?, live_stream_on_start = ?, persist_chat = ?,"
          + " summarize_on_end = ?, transcribe_on_end = ?, parent_meeting_id = ?, updated_at = ?"
          + " WHERE app_id = ? AND id = ?")) {
        ps.setString(1, m.title());
        ps.setString(2, m.title().toLowerCase(Locale.ROOT));
        ps.setString(3, m.status().name());
        ps.setInt(4, m.keepAliveSecs());
        ps.setBoolean(5, m.recordOnStart());
        ps.setBoolean(6, m.liveStreamOnStart());
        ps.setBoolean(7, m.persistChat());
        ps.setBoolean(8, m.summarizeOnEnd());
        ps.setBoolean(9, m.transcribeOnEnd());
        Jdbc.setNullableString(ps, 10, m.parentMeetingId());
        ps.setLong(11, m.updatedAt());
        ps.setString(12, m.appId());
        ps.setString(13, m.id());
        if (ps.executeUpdate() == 0) {
          return false;
        }
      }
      // The title shows in session lists, and is what their search matches.
      changes.record(c, m.appId());
      return true;
    });
  }

  /**
   * Makes sure the meeting exists (created with defaults when it does not) and has a title: the
   * given one fills in an empty title.
   */
  public void ensure(String appId, String meetingId, String title, long now) {
    db.write(c -> {
      insertMissing(c, List.of(Meeting.implicit(appId, meetingId, title, null, now)));
      if (title != null && !title.isEmpty()) {
        fillEmptyTitles(c, appId, Map.of(meetingId, title), now);
      }
      changes.record(c, appId);
      return null;
    });
  }

  /**
   * Inserts the meetings that do not exist yet (events may create meetings on the fly), in id
   * order: a row another transaction is inserting makes this one wait for it, so two batches
   * naming the same new meetings in different orders would each hold a row the other waits for.
   */
  public void insertMissing(Connection c, Collection<Meeting> meetings) throws SQLException {
    if (meetings.isEmpty()) {
      return;
    }
    List<Meeting> inOrder = new ArrayList<>(meetings);
    inOrder.sort(Comparator.comparing(Meeting::id));
    db.mayWaitForWriters(c, conn -> {
      try (PreparedStatement ps = conn.prepareStatement(INSERT + " ON CONFLICT (app_id, id) DO NOTHING")) {
        for (Meeting m : inOrder) {
          bind(ps, m);
          ps.addBatch();
        }
        return ps.executeBatch();
      }
    });
  }

  /**
   * Gives the meetings that have no title yet the one an event named ({@code titles}: meeting
   * id to title). Whichever delivery comes first, a meeting then ends up with the title named
   * for it, as it would in order.
   */
  public void fillEmptyTitles(Connection c, String appId, Map<String, String> titles, long now) throws SQLException {
    if (titles.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE meetings SET title = ?, title_search = ?, updated_at = ?"
        + " WHERE app_id = ? AND id = ? AND title = ''")) {
      for (Map.Entry<String, String> t : new TreeMap<>(titles).entrySet()) {
        ps.setString(1, t.getValue());
        ps.setString(2, t.getValue().toLowerCase(Locale.ROOT));
        ps.setLong(3, now);
        ps.setString(4, appId);
        ps.setString(5, t.getKey());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  public Optional<Meeting> find(String appId, String meetingId) {
    return db.read(c -> {
      Map<String, Meeting> found = load(c, appId, List.of(meetingId), "");
      return Optional.ofNullable(found.get(meetingId));
    });
  }

  /** The meetings among {@code meetingIds} that exist, by id. */
  public Map<String, Meeting> findAll(String appId, Collection<String> meetingIds) {
    return db.read(c -> load(c, appId, meetingIds, ""));
  }

  /** Meetings by id, and which of them host breakout meetings. */
  public record WithBreakouts(Map<String, Meeting> meetings, Set<String> hostingBreakouts) {}

  /**
   * The meetings among {@code meetingIds}, and which of them have breakout meetings, in one
   * statement: a page of sessions needs both (titles, and whether to look for breakout rooms).
   */
  public WithBreakouts findWithBreakouts(Connection c, String appId, Collection<String> meetingIds)
      throws SQLException {
    Map<String, Meeting> found = new HashMap<>();
    Set<String> hosting = new HashSet<>();
    if (meetingIds.isEmpty()) {
      return new WithBreakouts(found, hosting);
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", EXISTS (SELECT 1 FROM meetings b"
        + " WHERE b.app_id = meetings.app_id AND b.parent_meeting_id = meetings.id) AS hosts_breakouts"
        + " FROM meetings WHERE app_id = ? AND id IN (" + Jdbc.placeholders(meetingIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, meetingIds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Meeting m = map(rs);
          found.put(m.id(), m);
          if (rs.getBoolean("hosts_breakouts")) {
            hosting.add(m.id());
          }
        }
      }
    }
    return new WithBreakouts(found, hosting);
  }

  /** The same, inside a transaction. */
  public Map<String, Meeting> find(Connection c, String appId, Collection<String> meetingIds) throws SQLException {
    return load(c, appId, meetingIds, "");
  }

  /**
   * Reads the meetings and, on PostgreSQL, locks their rows until the transaction ends:
   * writers of the same meeting queue up here, across processes.
   */
  public Map<String, Meeting> lock(Connection c, String appId, Collection<String> meetingIds) throws SQLException {
    String inIdOrder = " ORDER BY id" + db.dialect().lockRowsSuffix();
    return db.mayWaitForWriters(c, conn -> load(conn, appId, meetingIds, inIdOrder));
  }

  /** Where the meetings' event histories stand (see {@link MeetingProgress}). */
  public Map<String, MeetingProgress> progress(Connection c, String appId, Collection<String> meetingIds)
      throws SQLException {
    Map<String, MeetingProgress> found = new HashMap<>();
    if (meetingIds.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT id, current_session_id, last_event_at, last_event_rank,"
        + " last_event_id FROM meetings WHERE app_id = ? AND id IN (" + Jdbc.placeholders(meetingIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, meetingIds);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int rank = rs.getInt("last_event_rank");
          Integer lastRank = rs.wasNull() ? null : rank;
          found.put(rs.getString("id"), new MeetingProgress(rs.getString("id"), rs.getString("current_session_id"),
              Jdbc.nullableLong(rs, "last_event_at"), lastRank, rs.getString("last_event_id")));
        }
      }
    }
    return found;
  }

  public void saveProgress(Connection c, String appId, Collection<MeetingProgress> progress) throws SQLException {
    if (progress.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE meetings SET current_session_id = ?, last_event_at = ?,"
        + " last_event_rank = ?, last_event_id = ? WHERE app_id = ? AND id = ?")) {
      for (MeetingProgress p : progress) {
        Jdbc.setNullableString(ps, 1, p.currentSessionId());
        Jdbc.setNullableLong(ps, 2, p.lastAt());
        if (p.lastRank() == null) {
          ps.setNull(3, java.sql.Types.INTEGER);
        } else {
          ps.setInt(3, p.lastRank());
        }
        Jdbc.setNullableString(ps, 4, p.lastId());
        ps.setString(5, appId);
        ps.setString(6, p.meetingId());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The meetings whose parent is one of {@code parentIds}. */
  public List<Meeting> childrenOf(Connection c, String appId, Collection<String> parentIds) throws SQLException {
    if (parentIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM meetings WHERE app_id = ?"
        + " AND parent_meeting_id IN (" + Jdbc.placeholders(parentIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, parentIds);
      List<Meeting> children = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          children.add(map(rs));
        }
      }
      return children;
    }
  }

  /** One page of an app's meetings, newest first. */
  public List<Meeting> list(MeetingFilter filter, int limit, long offset) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM meetings" + where(filter)
          + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")) {
        int i = bind(ps, filter);
        ps.setInt(i++, limit);
        ps.setLong(i, offset);
        List<Meeting> meetings = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            meetings.add(map(rs));
          }
        }
        return meetings;
      }
    });
  }

  public long count(MeetingFilter filter) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM meetings" + where(filter))) {
        bind(ps, filter);
        return Jdbc.singleLong(ps);
      }
    });
  }

  private static String where(MeetingFilter f) {
    return " WHERE app_id = ?"
        + (f.search() == null ? "" : " AND (title_search LIKE ? ESCAPE '\\' OR LOWER(id) LIKE ? ESCAPE '\\')")
        + (f.status() == null ? "" : " AND status = ?")
        + (f.createdFrom() == null ? "" : " AND created_at >= ?")
        + (f.createdTo() == null ? "" : " AND created_at <= ?");
  }

  /** Binds the values of {@link #where}; returns the next free index. */
  private static int bind(PreparedStatement ps, MeetingFilter f) throws SQLException {
    int i = 1;
    ps.setString(i++, f.appId());
    if (f.search() != null) {
      String pattern = Jdbc.likeContains(f.search().toLowerCase(Locale.ROOT));
      ps.setString(i++, pattern);
      ps.setString(i++, pattern);
    }
    if (f.status() != null) {
      ps.setString(i++, f.status().name());
    }
    if (f.createdFrom() != null) {
      ps.setLong(i++, f.createdFrom());
    }
    if (f.createdTo() != null) {
      ps.setLong(i++, f.createdTo());
    }
    return i;
  }

  private Map<String, Meeting> load(Connection c, String appId, Collection<String> ids, String suffix)
      throws SQLException {
    Map<String, Meeting> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM meetings WHERE app_id = ?"
        + " AND id IN (" + Jdbc.placeholders(ids.size()) + ")" + suffix)) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, ids);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Meeting m = map(rs);
          found.put(m.id(), m);
        }
      }
    }
    return found;
  }

  private static void bind(PreparedStatement ps, Meeting m) throws SQLException {
    ps.setString(1, m.appId());
    ps.setString(2, m.id());
    ps.setString(3, m.title());
    ps.setString(4, m.status().name());
    ps.setInt(5, m.keepAliveSecs());
    ps.setBoolean(6, m.recordOnStart());
    ps.setBoolean(7, m.liveStreamOnStart());
    ps.setBoolean(8, m.persistChat());
    ps.setBoolean(9, m.summarizeOnEnd());
    ps.setBoolean(10, m.transcribeOnEnd());
    Jdbc.setNullableString(ps, 11, m.parentMeetingId());
    ps.setLong(12, m.createdAt());
    ps.setLong(13, m.updatedAt());
    ps.setString(14, m.title().toLowerCase(Locale.ROOT));
  }

  private static Meeting map(ResultSet rs) throws SQLException {
    return new Meeting(rs.getString("app_id"), rs.getString("id"), rs.getString("title"),
        MeetingStatus.valueOf(rs.getString("status")), rs.getInt("keep_alive_secs"),
        rs.getBoolean("record_on_start"), rs.getBoolean("live_stream_on_start"), rs.getBoolean("persist_chat"),
        rs.getBoolean("summarize_on_end"), rs.getBoolean("transcribe_on_end"), rs.getString("parent_meeting_id"),
        rs.getLong("created_at"), rs.getLong("updated_at"));
  }
}
