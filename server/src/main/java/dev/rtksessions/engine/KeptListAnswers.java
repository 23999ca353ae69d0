package dev.rtksessions.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rtksessions.engine.SessionReader.ListRequest;
import dev.rtksessions.engine.SessionReader.SessionPage;
import dev.rtksessions.engine.SessionReader.SessionTree;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.storage.AppChanges;
import dev.rtksessions.storage.SessionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Keeps list answers for repeated requests, around the reader that computes them. A page by
 * creation time is answered again while it holds: while the app's change number (read first,
 * so a change committed meanwhile makes the key stale, never the answer) is the same, and, for
 * a status filter, until the first LIVE session ends by the clock. Whatever else depends on the
 * instant (status, minutes of sessions with peers present) is computed from the answer's
 * {@code readAt} when it is written. Pages by minutes are not kept: their order moves with the
 * clock. See docs/design.md, "Kept list answers".
 */
final class KeptListAnswers implements SessionReader.ListReader {
  private final SessionReader.ListReader computed;
  private final AppChanges changes;
  private final SessionStore sessions;
  private final Cache<Key, Kept> kept;

  KeptListAnswers(SessionReader.ListReader computed, AppChanges changes, SessionStore sessions, int size) {
    this.computed = computed;
    this.changes = changes;
    this.sessions = sessions;
    this.kept = Caffeine.newBuilder().maximumSize(size).build();
  }

  /** A list request, and the app's change number read before its answer was. */
  private record Key(ListRequest request, long changes) {}

  /** A list answer read at {@code readAt} that holds until {@code validUntil} by the clock. */
  private record Kept(List<SessionTree> sessions, long totalCount, long readAt, long validUntil) {}

  @Override
  public SessionPage read(Connection c, ListRequest request, long now) throws SQLException {
    if (request.order().key() != SessionOrder.Key.CREATED_AT) {
      return computed.read(c, request, now);
    }
    String appId = request.filter().appId();
    Key key = new Key(request, changes.of(c, appId));
    Kept k = kept.getIfPresent(key);
    if (k != null && now >= k.readAt() && now <= k.validUntil()) {
      return new SessionPage(k.sessions(), k.totalCount(), now);
    }
    SessionPage page = computed.read(c, request, now);
    long validUntil = request.filter().status() == null ? Long.MAX_VALUE : sessions.nextLiveEnd(c, appId, now);
    kept.put(key, new Kept(page.sessions(), page.totalCount(), now, validUntil));
    return page;
  }
}
