package dev.rtksessions.engine;

import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.storage.AppChanges;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.MeetingStore;
import dev.rtksessions.storage.SessionList;
import dev.rtksessions.storage.SessionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads sessions as clients see them: with their meeting titles and breakout rooms, all
 * evaluated at one instant, in a fixed number of queries per page.
 */
public final class SessionReader {
  private final Database db;
  private final SessionStore sessions;
  private final MeetingStore meetings;
  private final Clock clock;
  private final ListReader lists;

  /**
   * @param keptPages how many list answers to keep for repeated requests (see {@link KeptListAnswers}); 0
   *     keeps none
   */
  public SessionReader(Database db, SessionList list, SessionStore sessions, MeetingStore meetings,
      AppChanges changes, Clock clock, int keptPages) {
    this.db = db;
    this.sessions = sessions;
    this.meetings = meetings;
    this.clock = clock;
    ListReader pages = (c, request, now) -> page(c, list, request, now);
    this.lists = keptPages == 0 ? pages : new KeptListAnswers(pages, changes, sessions, keptPages);
  }

  /** A list request as asked: which sessions, in which order, which page. */
  public record ListRequest(SessionFilter filter, SessionOrder order, int limit, long offset) {}

  /** Reads one page of the list on a connection, for the instant {@code now}. */
  @FunctionalInterface
  interface ListReader {
    SessionPage read(Connection c, ListRequest request, long now) throws SQLException;
  }

  /** A session with its meeting's title and its breakout rooms (recursively). */
  public record SessionTree(Session session, String meetingTitle, List<SessionTree> breakoutRooms) {}

  /** A page of sessions, the exact number that match, and the instant they were read at. */
  public record SessionPage(List<SessionTree> sessions, long totalCount, long readAt) {}

  /** One session (with its breakout rooms when asked) and the instant it was read at. */
  public record SessionAt(SessionTree tree, long readAt) {}

  public Optional<SessionAt> find(String appId, String sessionId, boolean withBreakoutRooms) {
    long now = clock.millis();
    return sessions.find(appId, sessionId).map(s -> new SessionAt(withBreakoutRooms
        ? db.read(c -> trees(c, appId, List.of(s))).get(0)
        : new SessionTree(s, title(appId, s.meetingId()), List.of()), now));
  }

  /** The session alone, without its title or breakout rooms. */
  public Optional<Session> session(String appId, String sessionId) {
    return sessions.find(appId, sessionId);
  }

  /** The meeting's LIVE session, with its breakout rooms. */
  public Optional<SessionAt> active(String appId, String meetingId) {
    long now = clock.millis();
    return sessions.activeFor(appId, meetingId, now).map(s -> new SessionAt(
        db.read(c -> trees(c, appId, List.of(s))).get(0), now));
  }

  private String title(String appId, String meetingId) {
    Meeting m = meetings.findAll(appId, List.of(meetingId)).get(meetingId);
    return m == null ? "" : m.title();
  }

  /** A page of the list, read at one instant on one connection (kept answers: see {@link KeptListAnswers}). */
  public SessionPage list(SessionFilter filter, SessionOrder order, int limit, long offset) {
    long now = clock.millis();
    ListRequest request = new ListRequest(filter, order, limit, offset);
    return db.read(c -> lists.read(c, request, now));
  }

  private SessionPage page(Connection c, SessionList list, ListRequest r, long now) throws SQLException {
    SessionList.Page page = list.page(c, r.filter(), r.order(), r.limit(), r.offset(), now);
    Map<String, String> titles = new HashMap<>();
    Set<String> hosting = new HashSet<>();
    List<Session> roots = new ArrayList<>();
    for (SessionList.Listed listed : page.sessions()) {
      roots.add(listed.session());
      titles.put(listed.session().meetingId(), listed.meetingTitle());
      if (listed.meetingHostsBreakouts()) {
        hosting.add(listed.session().meetingId());
      }
    }
    return new SessionPage(trees(c, r.filter().appId(), roots, titles, hosting), page.totalCount(), now);
  }

  private List<SessionTree> trees(Connection c, String appId, List<Session> roots) throws SQLException {
    return trees(c, appId, roots, new HashMap<>(), new HashSet<>());
  }

  /**
   * One level at a time: the level's meetings not yet known (titles, and whether they host
   * breakout meetings) in one query, then the breakout rooms of only those sessions whose
   * meeting hosts any — most pages need no further query.
   */
  private List<SessionTree> trees(Connection c, String appId, List<Session> roots, Map<String, String> titles,
      Set<String> hosting) throws SQLException {
    Map<String, List<Session>> children = new HashMap<>();
    Set<String> seen = new HashSet<>();
    List<Session> level = roots;
    while (!level.isEmpty()) {
      Set<String> unknown = new HashSet<>();
      for (Session s : level) {
        if (!titles.containsKey(s.meetingId())) {
          unknown.add(s.meetingId());
        }
      }
      if (!unknown.isEmpty()) {
        MeetingStore.WithBreakouts found = meetings.findWithBreakouts(c, appId, unknown);
        found.meetings().values().forEach(m -> titles.put(m.id(), m.title()));
        hosting.addAll(found.hostingBreakouts());
      }
      List<String> parents = new ArrayList<>();
      for (Session s : level) {
        if (hosting.contains(s.meetingId()) && seen.add(s.id())) {
          parents.add(s.id());
        }
      }
      List<Session> next = parents.isEmpty() ? List.of() : sessions.childrenOf(c, appId, parents);
      for (Session child : next) {
        children.computeIfAbsent(child.parentSessionId(), k -> new ArrayList<>()).add(child);
      }
      level = next;
    }
    List<SessionTree> trees = new ArrayList<>(roots.size());
    for (Session root : roots) {
      trees.add(tree(root, children, titles));
    }
    return trees;
  }

  private static SessionTree tree(Session s, Map<String, List<Session>> children, Map<String, String> titles) {
    List<SessionTree> rooms = new ArrayList<>();
    for (Session child : children.getOrDefault(s.id(), List.of())) {
      rooms.add(tree(child, children, titles));
    }
    return new SessionTree(s, titles.getOrDefault(s.meetingId(), ""), rooms);
  }
}
