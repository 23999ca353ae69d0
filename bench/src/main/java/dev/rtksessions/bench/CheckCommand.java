package dev.rtksessions.bench;

import dev.rtksessions.engine.EventOutcome;
import dev.rtksessions.engine.SessionEngine;
import dev.rtksessions.engine.SessionTimeline;
import dev.rtksessions.model.App;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionType;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Recomputes a random sample of meetings through the real engine and compares every row with
 * the bulk-written ones. Exit status 1 on any difference.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Feed the recorded events of a random sample of meetings through SessionEngine into a fresh"
        + " store and compare sessions, participants and counters with the generated store.")
final class CheckCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "The generated store.")
  String url;
  @Option(names = "--meetings", defaultValue = "200", description = "Meetings to sample (families are added).")
  int sample;
  @Option(names = "--fresh-url", description = "The fresh store (default: a temporary SQLite file).")
  String freshUrl;
  @Option(names = "--batch", defaultValue = "500")
  int batch;
  @Option(names = "--seed", defaultValue = "7")
  long seed;

  private static final String SESSION_COLUMNS = "app_id, id, meeting_id, parent_session_id, type, live_count,"
      + " peak_count, closed_ms, live_join_sum, created_at, started_at, updated_at, ended_at, live_until, meta";

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    Path tmp = null;
    if (freshUrl == null) {
      tmp = Files.createTempDirectory("rtk-check");
      freshUrl = "jdbc:sqlite:" + tmp.resolve("fresh.db");
    }
    int differences = 0;
    try (Database bulk = Database.open(url, 2); Database fresh = Database.open(freshUrl, 2)) {
      Stores b = Stores.on(bulk);
      Stores f = Stores.on(fresh);
      // 1. The maintained counters (per app, meeting, day and peak) against the rows.
      for (String difference : bulk.read(c -> b.counts().verify(c))) {
        System.out.println("DIFF counter " + difference);
        differences++;
      }
      // 2. A random sample of meetings, with their parent and breakout children.
      String random = bulk.dialect().name().equals("POSTGRESQL") ? "random()" : "random()";
      Map<String, Set<String>> byApp = bulk.read(c -> {
        Map<String, Set<String>> m = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT app_id, id, parent_meeting_id FROM meetings"
            + " ORDER BY " + random + " LIMIT ?")) {
          ps.setInt(1, sample);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              Set<String> s = m.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>());
              s.add(rs.getString(3) != null ? rs.getString(3) : rs.getString(2));
            }
          }
        }
        for (Map.Entry<String, Set<String>> e : m.entrySet()) {
          for (Meeting child : b.meetings().childrenOf(c, e.getKey(), new ArrayList<>(e.getValue()))) {
            e.getValue().add(child.id());
          }
        }
        return m;
      });
      long events = 0;
      long sessions = 0;
      long participants = 0;
      int meetings = 0;
      SessionEngine engine = new SessionEngine(f, Clock.systemUTC(), SessionTimeline.DEFAULT);
      for (Map.Entry<String, Set<String>> e : byApp.entrySet()) {
        String appId = e.getKey();
        List<String> ids = new ArrayList<>(e.getValue());
        meetings += ids.size();
        App app = bulk.read(c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT id, account_id, name, created_at FROM apps"
              + " WHERE id = ?")) {
            ps.setString(1, appId);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return new App(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
            }
          }
        });
        f.apps().insert(app);
        // Meetings exist before their events (created through the meetings API).
        Map<String, Meeting> found = b.meetings().findAll(appId, ids);
        found.values().stream().filter(m -> m.parentMeetingId() == null).forEach(f.meetings()::insert);
        found.values().stream().filter(m -> m.parentMeetingId() != null).forEach(f.meetings()::insert);
        List<ParticipantEvent> all = new ArrayList<>();
        for (String id : ids) {
          all.addAll(bulk.read(c -> b.events().forMeetingFrom(c, appId, id, Long.MIN_VALUE)));
        }
        all.sort(SessionTimeline.ORDER);
        events += all.size();
        for (int i = 0; i < all.size(); i += batch) {
          List<ParticipantEvent> part = all.subList(i, Math.min(all.size(), i + batch));
          for (EventOutcome o : engine.ingest(appId, part)) {
            if (o.status() != EventOutcome.Status.APPLIED) {
              System.out.println("DIFF event " + o.id() + " was " + o.status() + " by the engine");
              differences++;
            }
          }
        }
        List<Session> expected = bulk.read(c -> sessionsOf(c, appId, ids));
        List<Session> actual = fresh.read(c -> sessionsOf(c, appId, ids));
        sessions += expected.size();
        differences += compare("session", appId, index(expected, Session::id), index(actual, Session::id));
        List<String> sessionIds = expected.stream().map(Session::id).toList();
        List<String> actualIds = actual.stream().map(Session::id).toList();
        List<Participant> pe = chunked(sessionIds, x -> b.participants().readForSessions(appId, x));
        List<Participant> pa = chunked(actualIds, x -> f.participants().readForSessions(appId, x));
        participants += pe.size();
        differences += compare("participant", appId, index(pe, p -> p.sessionId() + "/" + p.peerId()),
            index(pa, p -> p.sessionId() + "/" + p.peerId()));
        differences += compare("meeting progress", appId,
            index(bulk.read(c -> b.meetings().progress(c, appId, ids)).values(), x -> x.meetingId()),
            index(fresh.read(c -> f.meetings().progress(c, appId, ids)).values(), x -> x.meetingId()));
        long topLevel = expected.stream().filter(s -> s.parentSessionId() == null).count();
        long counter = fresh.read(c -> f.counts().ofApp(c, appId));
        if (topLevel != counter) {
          System.out.println("DIFF app " + appId + ": engine counter " + counter + " for the sample, bulk has "
              + topLevel + " top-level sessions");
          differences++;
        }
      }
      if (meetings == 0) {
        System.out.println("DIFF nothing to compare: the store holds no meetings");
        differences++;
      }
      System.out.printf(Locale.ROOT, "check: counters exact, %d meetings (%d apps), %d events, %d sessions,"
          + " %d participant rows compared in %.1f s: %s%n", meetings, byApp.size(), events,
          sessions, participants, (System.nanoTime() - t0) / 1e9,
          differences == 0 ? "IDENTICAL" : differences + " DIFFERENCES");
    } finally {
      if (tmp != null) {
        try (var walk = Files.walk(tmp)) {
          walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
    return differences == 0 ? 0 : 1;
  }

  private static <T> List<T> chunked(List<String> ids, java.util.function.Function<List<String>, List<T>> read) {
    List<T> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 500) {
      out.addAll(read.apply(ids.subList(i, Math.min(ids.size(), i + 500))));
    }
    return out;
  }

  private static <T> Map<String, T> index(Collection<T> rows, java.util.function.Function<T, String> key) {
    Map<String, T> m = new TreeMap<>();
    rows.forEach(r -> m.put(key.apply(r), r));
    return m;
  }

  private static <T> int compare(String what, String appId, Map<String, T> expected, Map<String, T> actual) {
    int diffs = 0;
    Set<String> keys = new HashSet<>(expected.keySet());
    keys.addAll(actual.keySet());
    for (String k : keys) {
      T e = expected.get(k);
      T a = actual.get(k);
      if (e == null || !e.equals(a)) {
        if (diffs < 10) {
          System.out.println("DIFF " + what + " " + appId + "/" + k + "\n  bulk:   " + e + "\n  engine: " + a);
        }
        diffs++;
      }
    }
    return diffs;
  }

  static List<Session> sessionsOf(Connection c, String appId, List<String> meetingIds) throws SQLException {
    List<Session> out = new ArrayList<>();
    for (String m : meetingIds) {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + SESSION_COLUMNS + " FROM sessions"
          + " WHERE app_id = ? AND meeting_id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, m);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            long ended = rs.getLong("ended_at");
            Long endedAt = rs.wasNull() ? null : ended;
            out.add(new Session(rs.getString("app_id"), rs.getString("id"), rs.getString("meeting_id"),
                rs.getString("parent_session_id"), SessionType.fromWire(rs.getString("type")),
                rs.getInt("live_count"), rs.getInt("peak_count"), rs.getLong("closed_ms"),
                rs.getLong("live_join_sum"), rs.getLong("created_at"), rs.getLong("started_at"),
                rs.getLong("updated_at"), endedAt, rs.getLong("live_until"), rs.getString("meta")));
          }
        }
      }
    }
    return out;
  }
}
