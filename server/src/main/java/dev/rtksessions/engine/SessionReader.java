package dev.rtksessions.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.storage.MeetingStore;
import dev.rtksessions.storage.SessionStore;
import dev.rtksessions.storage.Stores;
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
  private final Stores stores;
  private final Clock clock;
  /** List answers kept for repeated requests (see {@link #list}); null when none are kept. */
  private final Cache<KeptKey, KeptPage> kept;

  /**
   * @param keptPages how many list answers to keep for repeated requests; 0 keeps none
   */
  public SessionReader(Stores stores, Clock clock, int keptPages) {
    this.stores = stores;
    this.clock = clock;
    this.kept = keptPages == 0 ? null : Caffeine.newBuilder().maximumSize(keptPages).build();
  }

  /** A list request, and the app's change number read before its answer was. */
  private record KeptKey(SessionFilter filter, SessionOrder order, int limit, long offset, long changes) {}

  /** A list answer read at {@code readAt} that holds until {@code validUntil} by the clock. */
  private record KeptPage(List<SessionTree> sessions, long totalCount, long readAt, long validUntil) {}

  /** A session with its meeting's title and its breakout rooms (recursively). */
  public record SessionTree(Session session, String meetingTitle, List<SessionTree> breakoutRooms) {}

  /** A page of sessions, the exact number that match, and the instant they were read at. */
  public record SessionPage(List<SessionTree> sessions, long totalCount, long readAt) {}

  /** One session (with its breakout rooms when asked) and the instant it was read at. */
  public record SessionAt(SessionTree tree, long readAt) {}

  public Optional<SessionAt> find(String appId, String sessionId, boolean withBreakoutRooms) {
    long now = clock.millis();
    return stores.sessions().find(appId, sessionId).map(s -> new SessionAt(withBreakoutRooms
        ? stores.database().read(c -> trees(c, appId, List.of(s))).get(0)
        : new SessionTree(s, title(appId, s.meetingId()), List.of()), now));
  }

  /** The session alone, without its title or breakout rooms. */
  public Optional<Session> session(String appId, String sessionId) {
    return stores.sessions().find(appId, sessionId);
  }

  /** The meeting's LIVE session, with its breakout rooms. */
  public Optional<SessionAt> active(String appId, String meetingId) {
    long now = clock.millis();
    return stores.sessions().activeFor(appId, meetingId, now).map(s -> new SessionAt(
        stores.database().read(c -> trees(c, appId, List.of(s))).get(0), now));
  }

  private String title(String appId, String meetingId) {
    Meeting m = stores.meetings().findAll(appId, List.of(meetingId)).get(meetingId);
    return m == null ? "" : m.title();
  }

  /**
   * A page of the list. Pages by creation time are kept and answered again while they hold:
   * while the app's change number (read first, so a change committed meanwhile makes the key
   * stale, never the answer) is the same, and, for a status filter, until the first LIVE
   * session ends by the clock. Whatever else depends on the instant (status, minutes of
   * sessions with peers present) is computed from {@code readAt} when the page is written.
   * Pages by minutes are not kept: their order moves with the clock.
   */
  public SessionPage list(SessionFilter filter, SessionOrder order, int limit, long offset) {
    long now = clock.millis();
    // One connection for the page's few statements.
    return stores.database().read(c -> {
      if (kept == null || order.key() != SessionOrder.Key.CREATED_AT) {
        return read(c, filter, order, limit, offset, now);
      }
      KeptKey key = new KeptKey(filter, order, limit, offset, stores.changes().of(c, filter.appId()));
      KeptPage k = kept.getIfPresent(key);
      if (k != null && now >= k.readAt() && now <= k.validUntil()) {
        return new SessionPage(k.sessions(), k.totalCount(), now);
      }
      SessionPage page = read(c, filter, order, limit, offset, now);
      long validUntil = filter.status() == null ? Long.MAX_VALUE
          : stores.sessions().nextLiveEnd(c, filter.appId(), now);
      kept.put(key, new KeptPage(page.sessions(), page.totalCount(), now, validUntil));
      return page;
    });
  }

  private SessionPage read(Connection c, SessionFilter filter, SessionOrder order, int limit, long offset, long now)
      throws SQLException {
    SessionStore.Page page = stores.sessions().page(c, filter, order, limit, offset, now);
    Map<String, String> titles = new HashMap<>();
    Set<String> hosting = new HashSet<>();
    List<Session> roots = new ArrayList<>();
    for (SessionStore.Listed listed : page.sessions()) {
      roots.add(listed.session());
      titles.put(listed.session().meetingId(), listed.meetingTitle());
      if (listed.meetingHostsBreakouts()) {
        hosting.add(listed.session().meetingId());
      }
    }
    return new SessionPage(trees(c, filter.appId(), roots, titles, hosting), page.totalCount(), now);
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
        MeetingStore.WithBreakouts found = stores.meetings().findWithBreakouts(c, appId, unknown);
        found.meetings().values().forEach(m -> titles.put(m.id(), m.title()));
        hosting.addAll(found.hostingBreakouts());
      }
      List<String> parents = new ArrayList<>();
      for (Session s : level) {
        if (hosting.contains(s.meetingId()) && seen.add(s.id())) {
          parents.add(s.id());
        }
      }
      List<Session> next = parents.isEmpty() ? List.of() : stores.sessions().childrenOf(c, appId, parents);
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
