package dev.rtksessions.engine;

import dev.rtksessions.engine.RealtimeKitPayloads.MeetingInfo;
import dev.rtksessions.engine.RealtimeKitPayloads.Peer;
import dev.rtksessions.model.EventType;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.OutboxDelivery;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Session;
import dev.rtksessions.model.WebhookEventName;
import dev.rtksessions.model.WebhookSubscription;
import dev.rtksessions.storage.Stores;
import dev.rtksessions.storage.WebhookOutStore.EndWatch;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes the webhooks that the engine's changes cause into the outbox, inside the transaction
 * that makes the change, for every enabled webhook of the app subscribed to them:
 *
 * <ul>
 *   <li>each recorded join, leave and end: {@code meeting.participantJoined},
 *       {@code meeting.participantLeft}, {@code meeting.ended} (HOST_ENDED_MEETING), held ones
 *       included (a receiver like this service holds them too);</li>
 *   <li>a join that starts a session: {@code meeting.started} before its
 *       {@code meeting.participantJoined};</li>
 *   <li>a session whose keep-alive runs out: {@code meeting.ended} (ALL_PARTICIPANTS_LEFT), dated at
 *       its last leave, once its {@code live_until} has passed: from {@link #sendDueEnds} (a sweep),
 *       or from the transaction of a later event of its meeting, before that event's webhooks.</li>
 * </ul>
 * Every payload names the session the event belongs to as the engine placed it, so that a
 * receiver that builds sessions from them (this service's RealtimeKit receiver) ends with the
 * same sessions and ids.
 */
public final class WebhookOutbox {
  private static final String HOST_ENDED = "HOST_ENDED_MEETING";
  private static final String ALL_LEFT = "ALL_PARTICIPANTS_LEFT";

  private final Stores stores;
  private final Clock clock;
  private final boolean enabled;

  /**
   * @param enabled false when the service sends no webhooks ({@code --no-webhooks-out}): nothing
   *     is then written either
   */
  public WebhookOutbox(Stores stores, Clock clock, boolean enabled) {
    this.stores = stores;
    this.clock = clock;
    this.enabled = enabled;
  }

  /** One delivery-to-be of a meeting, before it is made one per webhook. */
  private record Pending(WebhookEventName event, long at, int rank, String payload) {}

  private static final Comparator<Pending> IN_ORDER =
      Comparator.comparingLong(Pending::at).thenComparingInt(Pending::rank);

  /**
   * Writes the webhooks of a batch the engine just recorded (sessions already rebuilt), within
   * its transaction, which holds the locks of the batch's meetings.
   *
   * @param leaveJoinedAt for leaves from webhooks, the join time they carry, by event id
   */
  void record(Connection c, String appId, Collection<ParticipantEvent> events, Map<String, Meeting> meetings,
      Map<String, Long> leaveJoinedAt) throws SQLException {
    if (!enabled) {
      return;
    }
    List<WebhookSubscription> subscribed = subscriptions(c, appId);
    if (subscribed.isEmpty()) {
      return;
    }
    String appName = stores.webhooksOut().appName(c, appId);
    Map<String, List<ParticipantEvent>> byMeeting = new TreeMap<>();
    for (ParticipantEvent e : events) {
      byMeeting.computeIfAbsent(e.meetingId(), k -> new ArrayList<>()).add(e);
    }
    boolean endsWanted = subscribed.stream().anyMatch(s -> s.wants(WebhookEventName.MEETING_ENDED));
    List<OutboxDelivery> out = new ArrayList<>();
    for (Map.Entry<String, List<ParticipantEvent>> entry : byMeeting.entrySet()) {
      List<ParticipantEvent> mine = entry.getValue();
      mine.sort(SessionTimeline.ORDER);
      Meeting meeting = meetings.get(entry.getKey());
      MeetingInfo info = new MeetingInfo(appId, appName, meeting.id(), titleOf(meeting, mine), meeting.createdAt());
      List<Session> sessions = sessionsAround(c, appId, meeting.id(), mine.get(0).at());
      if (endsWanted) {
        watch(c, appId, sessions);
        enqueue(out, subscribed, appId, meeting.id(), dueEnds(c, appId, Set.of(meeting.id())));
      }
      enqueue(out, subscribed, appId, meeting.id(), eventWebhooks(c, appId, info, mine, sessions, leaveJoinedAt));
    }
    stores.webhooksOut().enqueue(c, out);
  }

  /**
   * Sends the ends by keep-alive that are due (the sweep): each in a transaction that locks its
   * meeting, so that it is sent once, by one process, in order with the meeting's events.
   * Returns how many meetings were looked at.
   */
  public int sendDueEnds() {
    if (!enabled) {
      return 0;
    }
    Map<String, Set<String>> meetingsByApp = new TreeMap<>();
    for (EndWatch w : stores.webhooksOut().dueEnds(clock.millis(), 500)) {
      meetingsByApp.computeIfAbsent(w.appId(), k -> new TreeSet<>()).add(w.meetingId());
    }
    for (Map.Entry<String, Set<String>> app : meetingsByApp.entrySet()) {
      stores.database().write(c -> {
        stores.meetings().lock(c, app.getKey(), app.getValue());
        List<WebhookSubscription> subscribed = subscriptions(c, app.getKey());
        List<OutboxDelivery> out = new ArrayList<>();
        for (String meetingId : app.getValue()) {
          enqueue(out, subscribed, app.getKey(), meetingId, dueEnds(c, app.getKey(), Set.of(meetingId)));
        }
        stores.webhooksOut().enqueue(c, out);
        return null;
      });
    }
    return meetingsByApp.values().stream().mapToInt(Set::size).sum();
  }

  private List<WebhookSubscription> subscriptions(Connection c, String appId) throws SQLException {
    return stores.webhooksOut().list(c, appId).stream().filter(WebhookSubscription::enabled).toList();
  }

  /** The meeting's title as it will be after this batch: events name one for a meeting without. */
  private static String titleOf(Meeting meeting, List<ParticipantEvent> events) {
    if (!meeting.title().isEmpty()) {
      return meeting.title();
    }
    return events.stream().map(ParticipantEvent::meetingTitle).filter(t -> t != null && !t.isEmpty()).findFirst()
        .orElse("");
  }

  /** The meeting's sessions that can hold events from {@code from} on, by start. */
  private List<Session> sessionsAround(Connection c, String appId, String meetingId, long from) throws SQLException {
    Map<String, Session> byId = new LinkedHashMap<>();
    stores.sessions().latestStartedAtOrBefore(c, appId, meetingId, from).ifPresent(s -> byId.put(s.id(), s));
    for (Session s : stores.sessions().startedFrom(c, appId, List.of(meetingId), from)) {
      byId.put(s.id(), s);
    }
    List<Session> sessions = new ArrayList<>(byId.values());
    sessions.sort(Comparator.comparingLong(Session::startedAt).thenComparing(Session::id));
    return sessions;
  }

  /** The latest of {@code sessions} (by start) that started at or before {@code at}; null when none. */
  private static Session startedBy(List<Session> sessions, long at) {
    Session found = null;
    for (Session s : sessions) {
      if (s.startedAt() <= at) {
        found = s;
      }
    }
    return found;
  }

  /** True for a session that ends when its keep-alive runs out (empty, and not ended by an event). */
  private static boolean endsByKeepAlive(Session s) {
    return s.liveCount() == 0 && s.endedAt() != null && s.liveUntil() != s.endedAt();
  }

  private void watch(Connection c, String appId, List<Session> sessions) throws SQLException {
    List<EndWatch> watched = new ArrayList<>();
    List<String> unwatched = new ArrayList<>();
    for (Session s : sessions) {
      if (endsByKeepAlive(s)) {
        watched.add(new EndWatch(appId, s.id(), s.meetingId(), s.liveUntil()));
      } else {
        unwatched.add(s.id());
      }
    }
    stores.webhooksOut().unwatch(c, appId, unwatched);
    stores.webhooksOut().watch(c, watched);
  }

  /**
   * The ends by keep-alive of these (locked) meetings that passed and were not sent: checked
   * against the sessions as they are now, marked sent, and returned as webhooks.
   */
  private List<Pending> dueEnds(Connection c, String appId, Set<String> meetingIds) throws SQLException {
    long now = clock.millis();
    List<EndWatch> due = stores.webhooksOut().dueEnds(c, appId, meetingIds, now);
    if (due.isEmpty()) {
      return List.of();
    }
    Map<String, Session> sessions = new HashMap<>();
    for (Session s : stores.sessions().byIds(c, appId, due.stream().map(EndWatch::sessionId).toList())) {
      sessions.put(s.id(), s);
    }
    Map<String, Meeting> meetings = stores.meetings().find(c, appId, meetingIds);
    String appName = stores.webhooksOut().appName(c, appId);
    List<Pending> out = new ArrayList<>();
    List<String> gone = new ArrayList<>();
    for (EndWatch w : due) {
      Session s = sessions.get(w.sessionId());
      Meeting m = meetings.get(w.meetingId());
      if (s == null || m == null || !endsByKeepAlive(s) || s.liveUntil() != w.liveUntil()) {
        gone.add(w.sessionId()); // rebuilt since: merged into another, or no longer ending then
        continue;
      }
      MeetingInfo info = new MeetingInfo(appId, appName, m.id(), m.title(), m.createdAt());
      out.add(new Pending(WebhookEventName.MEETING_ENDED, s.endedAt(), 3,
          RealtimeKitPayloads.meetingEnded(info, s.id(), s.endedAt(), ALL_LEFT)));
      stores.webhooksOut().notified(c, w, now);
    }
    stores.webhooksOut().unwatch(c, appId, gone);
    return out;
  }

  /** The webhooks of one meeting's new events, in event order, each naming its session. */
  private List<Pending> eventWebhooks(Connection c, String appId, MeetingInfo info, List<ParticipantEvent> events,
      List<Session> sessions, Map<String, Long> leaveJoinedAt) throws SQLException {
    Map<String, Participant> rows = new HashMap<>();
    if (events.stream().anyMatch(e -> e.type() == EventType.LEFT)) {
      for (Participant p : stores.participants().forSessions(c, appId, sessions.stream().map(Session::id).toList())) {
        rows.put(p.sessionId() + '\u0000' + p.peerId(), p);
      }
    }
    List<Pending> out = new ArrayList<>();
    for (ParticipantEvent e : events) {
      Session s = startedBy(sessions, e.at());
      switch (e.type()) {
        case JOINED -> {
          String sessionId = s == null ? e.sessionId() : s.id();
          if (s != null && s.startedAt() == e.at() && (s.id().equals(e.sessionId())
              || s.id().equals(SessionTimeline.derivedSessionId(appId, info.meetingId(), e.id())))) {
            out.add(new Pending(WebhookEventName.MEETING_STARTED, e.at(), 0,
                RealtimeKitPayloads.meetingStarted(info, sessionId, e.at())));
          }
          out.add(new Pending(WebhookEventName.PARTICIPANT_JOINED, e.at(), 1, RealtimeKitPayloads.participantJoined(
              info, sessionId, new Peer(e.peerId(), e.displayName(), e.customParticipantId(), e.at(), null))));
        }
        case LEFT -> {
          // Named only when the leave took effect in it: a leave naming a session keeps it open.
          Participant row = s == null ? null : rows.get(s.id() + '\u0000' + e.peerId());
          boolean placed = row != null && e.at() <= s.openUntil();
          Long joinedAt = leaveJoinedAt.containsKey(e.id()) ? leaveJoinedAt.get(e.id()) : placed ? row.joinedAt() : null;
          Peer peer = new Peer(e.peerId(), e.displayName() != null || !placed ? e.displayName() : row.displayName(),
              e.customParticipantId() != null || !placed ? e.customParticipantId() : row.customParticipantId(),
              joinedAt, e.at());
          out.add(new Pending(WebhookEventName.PARTICIPANT_LEFT, e.at(), 2,
              RealtimeKitPayloads.participantLeft(info, placed ? s.id() : e.sessionId(), peer)));
        }
        case SESSION_ENDED -> {
          boolean endedIt = s != null && s.endedAt() != null && s.liveUntil() == s.endedAt() && s.updatedAt() == e.at();
          out.add(new Pending(WebhookEventName.MEETING_ENDED, e.at(), 3,
              RealtimeKitPayloads.meetingEnded(info, endedIt ? s.id() : e.sessionId(), e.at(), HOST_ENDED)));
        }
      }
    }
    return out;
  }

  /** One delivery per webhook that wants each pending one, in event order. */
  private void enqueue(List<OutboxDelivery> out, List<WebhookSubscription> subscribed, String appId, String meetingId,
      List<Pending> pending) {
    long now = clock.millis();
    List<Pending> ordered = new ArrayList<>(pending);
    ordered.sort(IN_ORDER);
    for (Pending p : ordered) {
      for (WebhookSubscription s : subscribed) {
        if (s.wants(p.event())) {
          out.add(new OutboxDelivery(0, UUID.randomUUID().toString(), appId, s.id(), meetingId, p.event().wire(),
              p.payload(), OutboxDelivery.Status.PENDING, 0, now, null, null, now, now));
        }
      }
    }
  }
}
