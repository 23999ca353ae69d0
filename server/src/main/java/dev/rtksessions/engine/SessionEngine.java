package dev.rtksessions.engine;

import dev.rtksessions.model.EventType;
import dev.rtksessions.model.HeldEvent;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingProgress;
import dev.rtksessions.model.MeetingStatus;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Session;
import dev.rtksessions.storage.EventStore;
import dev.rtksessions.storage.SessionCounts;
import dev.rtksessions.storage.Stores;
import dev.rtksessions.storage.UniqueViolationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records participant events and keeps every meeting's sessions equal to what its events,
 * replayed in time order, give. One batch is one transaction; meetings are locked in id
 * order, so several processes sharing a PostgreSQL database serialize per meeting.
 */
public final class SessionEngine {
  private static final int MAX_ATTEMPTS = 3;
  /** The stale limit the stored sessions were last written with (see {@link #applyStaleLimit}). */
  private static final String STALE_AFTER_SETTING = "stale_after_ms";

  private final Stores stores;
  private final Clock clock;
  private final SessionTimeline timeline;
  private final WebhookOutbox outbox;

  /** An engine that writes the webhooks its changes cause for the apps that registered some. */
  public SessionEngine(Stores stores, Clock clock, SessionTimeline timeline) {
    this(stores, clock, timeline, new WebhookOutbox(stores, clock, true));
  }

  public SessionEngine(Stores stores, Clock clock, SessionTimeline timeline, WebhookOutbox outbox) {
    this.stores = stores;
    this.clock = clock;
    this.timeline = timeline;
    this.outbox = outbox;
  }

  /**
   * Records a batch atomically. Returns one outcome per event, in input order. For callers
   * who are told and can send again (the events API): a leave whose peer has not joined
   * before it refuses the whole batch.
   *
   * @throws EventsRejectedException when an event contradicts the recorded state
   */
  public List<EventOutcome> ingest(String appId, List<ParticipantEvent> batch) {
    return ingest(appId, batch, null);
  }

  /**
   * Records one event from a sender that is not told to send it again (webhooks): a leave whose
   * own join has not arrived, or an end before any join of its session, is recorded anyway and
   * held (listed in {@code held_events}) until that join arrives; replaying the meeting then
   * places it. So the sessions come out as in-order delivery gives them, in any order.
   *
   * @param leaveJoinedAt for a leave, the time of the join it closes when the sender says so;
   *     null otherwise
   * @throws EventsRejectedException when the event contradicts the recorded state in a way no
   *     later event can mend (a join to an INACTIVE meeting)
   */
  public EventOutcome ingestHolding(String appId, ParticipantEvent event, Long leaveJoinedAt) {
    Map<String, Long> joinedAt = new HashMap<>();
    if (leaveJoinedAt != null) {
      joinedAt.put(event.id(), leaveJoinedAt);
    }
    return ingest(appId, List.of(event), new Holding(joinedAt)).get(0);
  }

  /**
   * Makes every stored session with peers present read as stale {@link
   * SessionTimeline#staleAfterMillis()} after its last event, when the store was last written
   * with another limit (or before the limit existed). Run at start-up; the few rows it changes
   * are found by a scan that happens once per change of the setting.
   */
  public void applyStaleLimit() {
    String wanted = Long.toString(timeline.staleAfterMillis());
    stores.database().write(c -> {
      if (!stores.settings().get(c, STALE_AFTER_SETTING).filter(wanted::equals).isPresent()) {
        for (String appId : stores.sessions().restampPresent(c, timeline.staleAfterMillis())) {
          stores.changes().record(c, appId);
        }
        stores.settings().put(c, STALE_AFTER_SETTING, wanted);
      }
      return null;
    });
  }

  /** How a batch treats events that cannot be placed yet: null refuses them, else holds them. */
  private record Holding(Map<String, Long> leaveJoinedAt) {}

  private List<EventOutcome> ingest(String appId, List<ParticipantEvent> batch, Holding holding) {
    for (int attempt = 1; ; attempt++) {
      try {
        return stores.database().write(c -> ingest(c, appId, batch, holding));
      } catch (UniqueViolationException e) {
        // Another process recorded one of these event ids (or took a session id) at the
        // same moment; the next attempt sees its rows and answers accordingly. Left after the
        // retries: a session id the events name is another session's.
        if (attempt >= MAX_ATTEMPTS) {
          throw new ConflictException("the batch conflicts with recorded data (is a session_id already used by"
              + " another session?); nothing was recorded", e);
        }
      }
    }
  }

  private List<EventOutcome> ingest(Connection c, String appId, List<ParticipantEvent> batch, Holding holding)
      throws SQLException {
    long now = clock.millis();
    Map<String, ParticipantEvent> fresh = new LinkedHashMap<>();
    for (ParticipantEvent e : batch) {
      fresh.putIfAbsent(e.id(), e);
    }
    // A first look before any lock: a batch recorded before (a retry) ends here, and a store that
    // stopped answering is noticed within the request bound, before statements that may queue.
    fresh.keySet().removeAll(stores.events().existingIds(c, appId, fresh.keySet()));
    Map<String, HeldEvent> held = Map.of();
    if (!fresh.isEmpty()) {
      createMissingMeetings(c, appId, fresh.values(), now);
      Map<String, Meeting> meetings = lockMeetings(c, appId, fresh.values());
      // Again under the meetings' locks, which every writer of these events holds until it
      // commits: a concurrent batch sharing events may have recorded them since the first look.
      fresh.keySet().removeAll(stores.events().existingIds(c, appId, fresh.keySet()));
      if (!fresh.isEmpty()) {
        held = record(c, appId, batch, fresh, meetings, holding, now);
      }
    }

    List<EventOutcome> outcomes = new ArrayList<>(batch.size());
    Set<String> answered = new HashSet<>();
    for (ParticipantEvent e : batch) {
      boolean first = answered.add(e.id());
      if (!first || !fresh.containsKey(e.id())) {
        outcomes.add(EventOutcome.duplicate(e.id()));
      } else if (held.containsKey(e.id())) {
        outcomes.add(EventOutcome.held(e.id(), waitingFor(held.get(e.id()))));
      } else {
        outcomes.add(EventOutcome.applied(e.id()));
      }
    }
    return outcomes;
  }

  /**
   * Validates the new events, stores them and brings sessions and counters up to date; for a
   * holding batch, lists what cannot be placed yet and returns that, by event id.
   */
  private Map<String, HeldEvent> record(Connection c, String appId, List<ParticipantEvent> batch,
      Map<String, ParticipantEvent> fresh, Map<String, Meeting> meetings, Holding holding, long now)
      throws SQLException {
    fillEmptyTitles(c, appId, fresh.values(), meetings, now);
    validate(c, appId, batch, fresh, meetings, holding != null);
    stores.events().insert(c, appId, fresh.values(), now);
    SessionCounts.Changes counts = new SessionCounts.Changes();
    rebuild(c, appId, fresh.values(), meetings, counts);
    stores.counts().apply(c, appId, counts);
    stores.changes().record(c, appId);
    releaseHeld(c, appId, fresh.values());
    outbox.record(c, appId, fresh.values(), meetings, holding == null ? Map.of() : holding.leaveJoinedAt());
    return holding == null ? Map.of() : hold(c, appId, fresh.values(), holding, now);
  }

  /** Forgets the held events that a join of this batch places (the rebuild placed them). */
  private void releaseHeld(Connection c, String appId, Collection<ParticipantEvent> events) throws SQLException {
    List<ParticipantEvent> joins = events.stream().filter(e -> e.type() == EventType.JOINED).toList();
    if (joins.isEmpty()) {
      return;
    }
    Set<String> meetingIds = new TreeSet<>();
    joins.forEach(j -> meetingIds.add(j.meetingId()));
    List<String> placed = new ArrayList<>();
    for (HeldEvent h : stores.held().forMeetings(c, appId, meetingIds)) {
      if (joins.stream().anyMatch(h::placedBy)) {
        placed.add(h.eventId());
      }
    }
    stores.held().delete(c, appId, placed);
  }

  /** Lists the batch's leaves and ends that no recorded join places yet; returns them by event id. */
  private Map<String, HeldEvent> hold(Connection c, String appId, Collection<ParticipantEvent> events,
      Holding holding, long now) throws SQLException {
    Map<String, HeldEvent> held = new LinkedHashMap<>();
    for (ParticipantEvent e : events) {
      if (HeldEvent.canWait(e.type())) {
        HeldEvent h = HeldEvent.of(appId, e, holding.leaveJoinedAt().get(e.id()), now);
        if (!stores.events().hasJoinPlacing(c, h)) {
          held.put(e.id(), h);
        }
      }
    }
    stores.held().insert(c, held.values());
    return held;
  }

  private static String waitingFor(HeldEvent h) {
    if (h.type() == EventType.LEFT) {
      return "recorded and held until the join of peer " + h.peerId() + " in meeting " + h.meetingId()
          + " arrives; it then counts as if delivered in order";
    }
    return "recorded and held until a join of " + (h.sessionId() != null ? "session " + h.sessionId()
        : "meeting " + h.meetingId()) + " arrives; it then counts as if delivered in order";
  }

  private void createMissingMeetings(Connection c, String appId, Collection<ParticipantEvent> events, long now)
      throws SQLException {
    Map<String, Meeting> implicit = new LinkedHashMap<>();
    for (ParticipantEvent e : events) {
      if (e.parentMeetingId() != null) {
        implicit.putIfAbsent(e.parentMeetingId(), Meeting.implicit(appId, e.parentMeetingId(), null, null, now));
      }
    }
    // The first event that names a title or a parent decides it for a meeting created here.
    Map<String, String> titles = new HashMap<>();
    Map<String, String> parents = new HashMap<>();
    for (ParticipantEvent e : events) {
      if (e.meetingTitle() != null) {
        titles.putIfAbsent(e.meetingId(), e.meetingTitle());
      }
      if (e.parentMeetingId() != null) {
        parents.putIfAbsent(e.meetingId(), e.parentMeetingId());
      }
    }
    for (ParticipantEvent e : events) {
      implicit.put(e.meetingId(), Meeting.implicit(appId, e.meetingId(), titles.get(e.meetingId()),
          parents.get(e.meetingId()), now));
    }
    stores.meetings().insertMissing(c, implicit.values());
  }

  /** Titles named by events for locked meetings that have none yet (see MeetingStore#fillEmptyTitles). */
  private void fillEmptyTitles(Connection c, String appId, Collection<ParticipantEvent> events,
      Map<String, Meeting> meetings, long now) throws SQLException {
    Map<String, String> titles = new HashMap<>();
    for (ParticipantEvent e : events) {
      if (e.meetingTitle() != null && !e.meetingTitle().isEmpty() && meetings.get(e.meetingId()).title().isEmpty()) {
        titles.putIfAbsent(e.meetingId(), e.meetingTitle());
      }
    }
    stores.meetings().fillEmptyTitles(c, appId, titles, now);
  }

  /**
   * Locks the touched meetings plus their parents and breakout children (whose session
   * links a rebuild may change), all in one statement in id order.
   */
  private Map<String, Meeting> lockMeetings(Connection c, String appId, Collection<ParticipantEvent> events)
      throws SQLException {
    Set<String> ids = new TreeSet<>();
    for (ParticipantEvent e : events) {
      ids.add(e.meetingId());
    }
    Set<String> lockSet = new TreeSet<>(ids);
    for (Meeting m : stores.meetings().find(c, appId, ids).values()) {
      if (m.parentMeetingId() != null) {
        lockSet.add(m.parentMeetingId());
      }
    }
    for (Meeting child : stores.meetings().childrenOf(c, appId, ids)) {
      lockSet.add(child.id());
    }
    return stores.meetings().lock(c, appId, lockSet);
  }

  /**
   * Refuses joins to INACTIVE meetings and, unless they are to be held, leaves of peers that
   * never joined before them.
   */
  private void validate(Connection c, String appId, List<ParticipantEvent> batch, Map<String, ParticipantEvent> fresh,
      Map<String, Meeting> meetings, boolean holdLeaves) throws SQLException {
    Set<String> leavingPeers = new HashSet<>();
    Map<String, Long> batchJoins = new HashMap<>();
    for (ParticipantEvent e : fresh.values()) {
      if (e.type() == EventType.LEFT && !holdLeaves) {
        leavingPeers.add(e.peerId());
      } else if (e.type() == EventType.JOINED) {
        batchJoins.merge(EventStore.peerKey(e.meetingId(), e.peerId()), e.at(), Math::min);
      }
    }
    Map<String, Long> recordedJoins = stores.events().firstJoins(c, appId, leavingPeers);
    Map<String, String> problems = new LinkedHashMap<>();
    for (ParticipantEvent e : fresh.values()) {
      if (e.type() == EventType.JOINED && meetings.get(e.meetingId()).status() == MeetingStatus.INACTIVE) {
        problems.put(e.id(), "meeting " + e.meetingId() + " is INACTIVE and refuses joins");
      } else if (e.type() == EventType.LEFT && !holdLeaves) {
        String key = EventStore.peerKey(e.meetingId(), e.peerId());
        long firstJoin = Math.min(recordedJoins.getOrDefault(key, Long.MAX_VALUE),
            batchJoins.getOrDefault(key, Long.MAX_VALUE));
        if (firstJoin > e.at()) {
          problems.put(e.id(), "peer " + e.peerId() + " has no join in meeting " + e.meetingId()
              + " at or before this leave");
        }
      }
    }
    if (problems.isEmpty()) {
      return;
    }
    List<EventOutcome> outcomes = new ArrayList<>(batch.size());
    for (ParticipantEvent e : batch) {
      String problem = problems.get(e.id());
      outcomes.add(problem != null
          ? new EventOutcome(e.id(), EventOutcome.Status.REJECTED, problem)
          : new EventOutcome(e.id(), EventOutcome.Status.NOT_APPLIED, null));
    }
    Map.Entry<String, String> first = problems.entrySet().iterator().next();
    throw new EventsRejectedException("event " + first.getKey() + ": " + first.getValue()
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "") + "; nothing was recorded",
        outcomes);
  }

  /**
   * Brings the sessions of every touched meeting up to date, parents before their breakout
   * rooms. Meetings whose new events all come after what was applied before (in-order
   * delivery) continue from their stored latest session, all in a few statements; the others
   * are rebuilt from the earliest point the new events can affect. Every session replaced or
   * written is tallied in {@code counts}.
   */
  private void rebuild(Connection c, String appId, Collection<ParticipantEvent> events, Map<String, Meeting> meetings,
      SessionCounts.Changes counts) throws SQLException {
    Map<String, List<ParticipantEvent>> byMeeting = new HashMap<>();
    for (ParticipantEvent e : events) {
      byMeeting.computeIfAbsent(e.meetingId(), k -> new ArrayList<>()).add(e);
    }
    byMeeting.values().forEach(list -> list.sort(SessionTimeline.ORDER));
    Map<String, MeetingProgress> progress = stores.meetings().progress(c, appId, byMeeting.keySet());
    byMeeting.keySet().forEach(id -> progress.putIfAbsent(id, MeetingProgress.none(id)));

    TreeMap<Integer, List<String>> levels = new TreeMap<>();
    for (String id : new TreeSet<>(byMeeting.keySet())) {
      levels.computeIfAbsent(depth(id, meetings), k -> new ArrayList<>()).add(id);
    }
    List<MeetingProgress> advanced = new ArrayList<>();
    for (List<String> level : levels.values()) {
      List<String> inOrder = new ArrayList<>();
      for (String id : level) {
        List<ParticipantEvent> mine = byMeeting.get(id);
        if (progress.get(id).isBefore(mine.get(0))) {
          inOrder.add(id);
        } else {
          rebuildMeeting(c, appId, meetings.get(id), mine.get(0), meetings, counts);
          String latest = stores.sessions().latestStartedAtOrBefore(c, appId, id, Long.MAX_VALUE)
              .map(Session::id).orElse(null);
          advanced.add(progress.get(id).advancedTo(mine.get(mine.size() - 1), latest));
        }
      }
      continueInOrder(c, appId, inOrder, byMeeting, meetings, progress, advanced, counts);
    }
    stores.meetings().saveProgress(c, appId, advanced);
  }

  /** The fast path: applies each meeting's new events on top of its stored latest session. */
  private void continueInOrder(Connection c, String appId, List<String> meetingIds,
      Map<String, List<ParticipantEvent>> byMeeting, Map<String, Meeting> meetings,
      Map<String, MeetingProgress> progress, List<MeetingProgress> advanced, SessionCounts.Changes counts)
      throws SQLException {
    if (meetingIds.isEmpty()) {
      return;
    }
    List<String> latestIds = meetingIds.stream().map(id -> progress.get(id).currentSessionId())
        .filter(Objects::nonNull).toList();
    Map<String, Session> latest = new HashMap<>();
    for (Session s : stores.sessions().byIds(c, appId, latestIds)) {
      latest.put(s.meetingId(), s);
    }
    Map<String, List<Participant>> rows = new HashMap<>();
    for (Participant p : stores.participants().forSessions(c, appId, latestIds)) {
      rows.computeIfAbsent(p.sessionId(), k -> new ArrayList<>()).add(p);
    }

    List<Session> oldSessions = new ArrayList<>();
    List<Participant> oldRows = new ArrayList<>();
    List<Session> newSessions = new ArrayList<>();
    List<Participant> newRows = new ArrayList<>();
    Map<String, Long> changedFrom = new HashMap<>();
    for (String id : meetingIds) {
      Meeting meeting = meetings.get(id);
      List<ParticipantEvent> mine = byMeeting.get(id);
      Session current = latest.get(id);
      List<Participant> currentRows = current == null ? List.of() : rows.getOrDefault(current.id(), List.of());
      boolean resumed = SessionTimeline.canResume(current);
      List<SessionTimeline.Built> built = timeline.resume(appId, meeting, current, currentRows, mine);
      if (resumed) {
        oldSessions.add(current);
        oldRows.addAll(currentRows);
      }
      for (SessionTimeline.Built b : built) {
        boolean same = resumed && b.session().id().equals(current.id());
        // A continued session keeps its link: its start, which decides the parent, did not move.
        String parent = same ? current.parentSessionId() : parentAt(c, appId, meeting, b.session().startedAt());
        Session s = withParent(b.session(), parent);
        newSessions.add(s);
        newRows.addAll(b.participants());
      }
      Session newest = built.isEmpty() ? current : built.get(built.size() - 1).session();
      advanced.add(progress.get(id).advancedTo(mine.get(mine.size() - 1), newest == null ? null : newest.id()));
      changedFrom.put(id, resumed ? current.startedAt() : mine.get(0).at());
    }
    writeChanges(c, appId, oldSessions, oldRows, newSessions, newRows, counts);
    for (String id : meetingIds) {
      relinkBreakouts(c, appId, meetings.get(id), changedFrom.get(id), meetings, counts);
    }
  }

  /**
   * Replays the meeting from the earliest point {@code earliestNew} can affect: the start of
   * the latest session begun by then, if that session is still open at that time or is the one
   * the event names (see SessionTimeline), else the event's own time.
   */
  private void rebuildMeeting(Connection c, String appId, Meeting meeting, ParticipantEvent earliestNew,
      Map<String, Meeting> meetings, SessionCounts.Changes counts) throws SQLException {
    long at = earliestNew.at();
    Optional<Session> before = stores.sessions().latestStartedAtOrBefore(c, appId, meeting.id(), at);
    long anchor = before.filter(s -> at <= s.openUntil() || s.id().equals(earliestNew.sessionId()))
        .map(Session::startedAt).orElse(at);

    List<ParticipantEvent> events = stores.events().forMeetingFrom(c, appId, meeting.id(), anchor);
    events.sort(SessionTimeline.ORDER);
    List<SessionTimeline.Built> built = timeline.replay(appId, meeting, events);

    List<Session> old = stores.sessions().startedFrom(c, appId, List.of(meeting.id()), anchor);
    List<Session> sessions = new ArrayList<>(built.size());
    List<Participant> participants = new ArrayList<>();
    for (SessionTimeline.Built b : built) {
      Session s = withParent(b.session(), parentAt(c, appId, meeting, b.session().startedAt()));
      sessions.add(s);
      participants.addAll(b.participants());
    }
    List<String> oldIds = old.stream().map(Session::id).toList();
    writeChanges(c, appId, old, stores.participants().forSessions(c, appId, oldIds), sessions, participants, counts);
    relinkBreakouts(c, appId, meeting, anchor, meetings, counts);
  }

  /**
   * Replaces {@code oldSessions} (with their participant rows {@code oldRows}) by the new
   * sessions and rows, touching only rows that changed: in-order delivery usually changes one
   * session and a few of its participant rows.
   */
  private void writeChanges(Connection c, String appId, List<Session> oldSessions, List<Participant> oldRows,
      List<Session> newSessions, List<Participant> newRows, SessionCounts.Changes counts) throws SQLException {
    counts.removeAll(oldSessions);
    counts.addAll(newSessions);
    Map<String, Session> old = new HashMap<>();
    oldSessions.forEach(s -> old.put(s.id(), s));
    List<Session> inserts = new ArrayList<>();
    List<Session> updates = new ArrayList<>();
    for (Session s : newSessions) {
      Session before = old.remove(s.id());
      if (before == null) {
        inserts.add(s);
      } else if (!before.equals(s)) {
        updates.add(s);
      }
    }
    Set<String> gone = old.keySet();
    stores.participants().deleteForSessions(c, appId, gone);
    stores.sessions().delete(c, appId, gone);
    stores.sessions().update(c, updates);
    stores.sessions().insert(c, inserts);

    Map<String, Participant> previous = new HashMap<>();
    for (Participant p : oldRows) {
      if (!gone.contains(p.sessionId())) {
        previous.put(p.sessionId() + '\u0000' + p.peerId(), p);
      }
    }
    List<Participant> rowInserts = new ArrayList<>();
    List<Participant> rowUpdates = new ArrayList<>();
    for (Participant p : newRows) {
      Participant before = previous.remove(p.sessionId() + '\u0000' + p.peerId());
      if (before == null) {
        rowInserts.add(p);
      } else if (!before.equals(p)) {
        rowUpdates.add(p);
      }
    }
    stores.participants().delete(c, previous.values());
    stores.participants().update(c, rowUpdates);
    stores.participants().insert(c, rowInserts);
  }

  /** Re-points the breakout sessions that started from {@code from} at this meeting's rebuilt sessions. */
  private void relinkBreakouts(Connection c, String appId, Meeting parent, long from, Map<String, Meeting> meetings,
      SessionCounts.Changes counts) throws SQLException {
    List<String> children = meetings.values().stream()
        .filter(m -> parent.id().equals(m.parentMeetingId())).map(Meeting::id).toList();
    if (children.isEmpty()) {
      return;
    }
    for (Session child : stores.sessions().startedFrom(c, appId, children, from)) {
      String newParent = parentAt(c, appId, meetings.get(child.meetingId()), child.startedAt());
      if (!Objects.equals(newParent, child.parentSessionId())) {
        stores.sessions().setParent(c, appId, child.id(), newParent);
        counts.remove(child);
        counts.add(withParent(child, newParent));
      }
    }
  }

  /**
   * The parent meeting's session that was open (by event time) when a breakout session
   * started, if any. A meeting's sessions follow one another, so only the latest one started
   * by then can be.
   */
  private String parentAt(Connection c, String appId, Meeting meeting, long startedAt) throws SQLException {
    if (meeting.parentMeetingId() == null) {
      return null;
    }
    return stores.sessions().latestStartedAtOrBefore(c, appId, meeting.parentMeetingId(), startedAt)
        .filter(s -> startedAt <= s.openUntil()).map(Session::id).orElse(null);
  }

  private static Session withParent(Session s, String parentId) {
    return new Session(s.appId(), s.id(), s.meetingId(), parentId, s.type(), s.liveCount(), s.peakCount(),
        s.closedMillis(), s.liveJoinSum(), s.createdAt(), s.startedAt(), s.updatedAt(), s.endedAt(), s.liveUntil(),
        s.meta());
  }

  private static int depth(String meetingId, Map<String, Meeting> meetings) {
    int depth = 0;
    Meeting m = meetings.get(meetingId);
    Set<String> seen = new HashSet<>();
    while (m != null && m.parentMeetingId() != null && seen.add(m.id())) {
      depth++;
      m = meetings.get(m.parentMeetingId());
    }
    return depth;
  }
}
