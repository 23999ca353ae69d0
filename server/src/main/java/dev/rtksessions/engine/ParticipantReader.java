package dev.rtksessions.engine;

import dev.rtksessions.model.EventType;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.ParticipantQuery;
import dev.rtksessions.model.PeerEvent;
import dev.rtksessions.model.Session;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.EventStore;
import dev.rtksessions.storage.ParticipantStore;
import dev.rtksessions.storage.SessionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a session's participants (one row per peer), their durations at read time and their peer events. */
public final class ParticipantReader {
  private final Database db;
  private final ParticipantStore participants;
  private final SessionStore sessions;
  private final EventStore events;
  private final Clock clock;

  public ParticipantReader(Database db, ParticipantStore participants, SessionStore sessions, EventStore events,
      Clock clock) {
    this.db = db;
    this.participants = participants;
    this.sessions = sessions;
    this.events = events;
    this.clock = clock;
  }

  /** A participant row as seen at one instant, with its peer events when they were asked for. */
  public record ParticipantView(Participant participant, long durationMillis, List<PeerEvent> peerEvents) {}

  public record ParticipantPage(List<ParticipantView> participants, long totalCount, long offset) {}

  /** A peer's latest presence, with the session it was in. */
  public record PeerPresence(ParticipantView view, Session session) {}

  public ParticipantPage list(Session session, ParticipantQuery q) {
    long now = clock.millis();
    List<Participant> rows = participants.readForSessions(session.appId(), List.of(session.id()));
    Map<String, Long> breakoutMillis = q.consolidated() ? breakoutMillisByParticipant(session, now) : Map.of();
    List<ParticipantView> views = new ArrayList<>();
    for (Participant row : rows) {
      Participant p = row.seenIn(session, now);
      if (q.search() == null || matches(p, q.search().toLowerCase(Locale.ROOT))) {
        long extra = consolidationKey(p) == null ? 0 : breakoutMillis.getOrDefault(consolidationKey(p), 0L);
        views.add(new ParticipantView(p, p.durationMillisAt(now) + extra, null));
      }
    }
    Comparator<ParticipantView> order = q.sortBy() == ParticipantQuery.SortBy.DURATION
        ? Comparator.comparingLong(ParticipantView::durationMillis)
        : Comparator.comparingLong(v -> v.participant().joinedAt());
    order = order.thenComparing(v -> v.participant().peerId());
    views.sort(q.ascending() ? order : order.reversed());
    int from = (int) Math.min(views.size(), q.offset());
    int to = (int) Math.min(views.size(), q.offset() + q.perPage());
    List<ParticipantView> page = new ArrayList<>();
    for (ParticipantView v : views.subList(from, to)) {
      page.add(q.includePeerEvents() ? withPeerEvents(v, session) : v);
    }
    return new ParticipantPage(page, views.size(), q.offset());
  }

  public Optional<ParticipantView> find(Session session, String peerId, boolean includePeerEvents) {
    long now = clock.millis();
    return participants.find(session.appId(), session.id(), peerId)
        .map(p -> p.seenIn(session, now))
        .map(p -> new ParticipantView(p, p.durationMillisAt(now), null))
        .map(v -> includePeerEvents ? withPeerEvents(v, session) : v);
  }

  /** The peer's most recent presence in any session of the app. */
  public Optional<PeerPresence> peer(String appId, String peerId, boolean includePeerEvents) {
    long now = clock.millis();
    return participants.latestForPeer(appId, peerId).flatMap(row ->
        sessions.find(appId, row.sessionId()).map(session -> {
          Participant p = row.seenIn(session, now);
          ParticipantView v = new ParticipantView(p, p.durationMillisAt(now), null);
          return new PeerPresence(includePeerEvents ? withPeerEvents(v, session) : v, session);
        }));
  }

  private static boolean matches(Participant p, String text) {
    return contains(p.peerId(), text) || contains(p.customParticipantId(), text) || contains(p.displayName(), text);
  }

  private static boolean contains(String value, String text) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(text);
  }

  /** Breakout rooms count a participant as the same one by custom participant id, else by user id. */
  private static String consolidationKey(Participant p) {
    if (p.customParticipantId() != null) {
      return "c:" + p.customParticipantId();
    }
    return p.userId() == null ? null : "u:" + p.userId();
  }

  private Map<String, Long> breakoutMillisByParticipant(Session session, long now) {
    Map<String, Session> descendants = new HashMap<>();
    List<String> level = List.of(session.id());
    while (!level.isEmpty()) {
      List<Session> children = sessions.childrenOf(session.appId(), level);
      children.forEach(child -> descendants.put(child.id(), child));
      level = children.stream().map(Session::id).toList();
    }
    Map<String, Long> millis = new HashMap<>();
    for (Participant row : participants.readForSessions(session.appId(), descendants.keySet())) {
      String key = consolidationKey(row);
      if (key != null) {
        millis.merge(key, row.seenIn(descendants.get(row.sessionId()), now).durationMillisAt(now), Long::sum);
      }
    }
    return millis;
  }

  /**
   * Replays the peer's joins and leaves within the session (the same rules as the engine): a
   * join while absent is PEER_JOINING; a leave while present, or an explicit end, is
   * PEER_LEAVING with the time it closed.
   */
  private ParticipantView withPeerEvents(ParticipantView v, Session session) {
    Participant p = v.participant();
    long to = session.openUntil();
    List<ParticipantEvent> peerEvents = new ArrayList<>(db.read(c -> events
        .forPeerBetween(c, session.appId(), session.meetingId(), p.peerId(), session.startedAt(), to)));
    peerEvents.sort(SessionTimeline.ORDER);
    List<PeerEvent> steps = new ArrayList<>();
    Long joinedAt = null;
    for (ParticipantEvent e : peerEvents) {
      if (e.type() == EventType.JOINED && joinedAt == null) {
        joinedAt = e.at();
        steps.add(new PeerEvent(e.id(), p.peerId(), session.id(), PeerEvent.Kind.PEER_JOINING, e.at(), 0));
      } else if (e.type() != EventType.JOINED && joinedAt != null) {
        steps.add(new PeerEvent(e.id(), p.peerId(), session.id(), PeerEvent.Kind.PEER_LEAVING, e.at(),
            e.at() - joinedAt));
        joinedAt = null;
      }
    }
    return new ParticipantView(p, v.durationMillis(), steps);
  }
}
