package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.EventType;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle rules of docs/api.md, on the pure replay (no storage). */
class SessionTimelineTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final long MIN = 60_000;
  private static final long HOUR = 60 * MIN;
  private static final SessionTimeline TIMELINE = new SessionTimeline(java.time.Duration.ofHours(24));
  private final Meeting meeting = Meeting.implicit("app", "m1", "Standup", null, T0);
  private int counter;

  private ParticipantEvent join(String peer, long at) {
    return event(EventType.JOINED, peer, at);
  }

  private ParticipantEvent leave(String peer, long at) {
    return event(EventType.LEFT, peer, at);
  }

  private ParticipantEvent end(long at) {
    return event(EventType.SESSION_ENDED, null, at);
  }

  private ParticipantEvent event(EventType type, String peer, long at) {
    return new ParticipantEvent("e" + (counter++), type, "m1", at, peer, null, null, null, null, null, null, null,
        null, null);
  }

  private List<SessionTimeline.Built> replay(ParticipantEvent... events) {
    List<ParticipantEvent> sorted = new ArrayList<>(List.of(events));
    sorted.sort(SessionTimeline.ORDER);
    return TIMELINE.replay("app", meeting, sorted);
  }

  @Test
  void figuresOfOneSession() {
    List<SessionTimeline.Built> built = replay(join("a", T0), join("b", T0 + MIN), leave("a", T0 + 3 * MIN),
        join("c", T0 + 4 * MIN), leave("b", T0 + 5 * MIN), leave("c", T0 + 6 * MIN));
    assertThat(built).hasSize(1);
    Session s = built.get(0).session();
    assertThat(s.peakCount()).isEqualTo(2);
    assertThat(s.closedMillis()).isEqualTo(3 * MIN + 4 * MIN + 2 * MIN);
    assertThat(s.startedAt()).isEqualTo(T0);
    assertThat(s.endedAt()).isEqualTo(T0 + 6 * MIN);
    assertThat(s.liveUntil()).isEqualTo(T0 + 6 * MIN + 60_000);
    assertThat(built.get(0).participants()).hasSize(3);
  }

  @Test
  void aJoinExactlyAtTheEndOfKeepAliveContinuesTheSession() {
    List<SessionTimeline.Built> built = replay(join("a", T0), leave("a", T0 + MIN), join("b", T0 + 2 * MIN),
        leave("b", T0 + 3 * MIN));
    assertThat(built).hasSize(1);
    assertThat(built.get(0).session().closedMillis()).isEqualTo(2 * MIN);
  }

  @Test
  void aJoinOneMillisecondAfterKeepAliveStartsANewSession() {
    List<SessionTimeline.Built> built = replay(join("a", T0), leave("a", T0 + MIN), join("b", T0 + 2 * MIN + 1));
    assertThat(built).hasSize(2);
    Session first = built.get(0).session();
    assertThat(first.endedAt()).isEqualTo(T0 + MIN);
    assertThat(first.statusAt(T0 + 2 * MIN)).isEqualTo(SessionStatus.LIVE);
    assertThat(first.statusAt(T0 + 2 * MIN + 1)).isEqualTo(SessionStatus.ENDED);
    assertThat(built.get(1).session().liveCount()).isEqualTo(1);
  }

  @Test
  void anExplicitEndClosesEveryPeerAtOnceAndTheNextJoinStartsAfresh() {
    List<SessionTimeline.Built> built = replay(join("a", T0), join("b", T0), end(T0 + 2 * MIN),
        leave("a", T0 + 3 * MIN), join("c", T0 + 2 * MIN + 10));
    assertThat(built).hasSize(2);
    Session ended = built.get(0).session();
    assertThat(ended.endedAt()).isEqualTo(T0 + 2 * MIN);
    assertThat(ended.closedMillis()).isEqualTo(4 * MIN);
    assertThat(ended.statusAt(T0 + 2 * MIN + 1)).isEqualTo(SessionStatus.ENDED);
    assertThat(built.get(1).session().startedAt()).isEqualTo(T0 + 2 * MIN + 10);
  }

  @Test
  void anEndDuringKeepAliveEndsTheSessionAtTheLastLeave() {
    List<SessionTimeline.Built> built = replay(join("a", T0), leave("a", T0 + MIN), end(T0 + MIN + 30_000),
        join("b", T0 + MIN + 40_000));
    assertThat(built).hasSize(2);
    Session ended = built.get(0).session();
    assertThat(ended.endedAt()).isEqualTo(T0 + MIN);
    assertThat(ended.statusAt(T0 + MIN + 1)).isEqualTo(SessionStatus.ENDED);
    assertThat(ended.updatedAt()).isEqualTo(T0 + MIN + 30_000);
    assertThat(built.get(1).session().startedAt()).isEqualTo(T0 + MIN + 40_000);
  }

  @Test
  void atEqualTimesJoinsApplyBeforeLeaves() {
    List<SessionTimeline.Built> built = replay(join("a", T0), leave("a", T0 + MIN), join("b", T0 + MIN));
    assertThat(built.get(0).session().peakCount()).isEqualTo(2);
    List<SessionTimeline.Built> instant = replay(join("a", T0), leave("a", T0));
    assertThat(instant.get(0).session().peakCount()).isEqualTo(1);
    assertThat(instant.get(0).session().closedMillis()).isZero();
  }

  @Test
  void runningMinutesAreComputedAtReadTime() {
    Session s = replay(join("a", T0), join("b", T0 + MIN)).get(0).session();
    assertThat(s.endedAt()).isNull();
    assertThat(s.participantMillisAt(T0 + 3 * MIN)).isEqualTo(3 * MIN + 2 * MIN);
    assertThat(s.liveParticipantsAt(T0 + 3 * MIN)).isEqualTo(2);
  }

  /**
   * A leave that never comes must not keep a session growing: a day after its last event it
   * reads as ENDED at that event, with minutes up to then; a later event of its own continues
   * it as the events say.
   */
  @Test
  void aSessionWithPeersPresentGoesStaleADayAfterItsLastEvent() {
    Session s = replay(join("a", T0), join("b", T0 + HOUR)).get(0).session();
    long lastEvent = T0 + HOUR;
    assertThat(s.liveUntil()).isEqualTo(lastEvent + 24 * HOUR);
    assertThat(s.openUntil()).isEqualTo(Session.FOREVER);

    long justBefore = lastEvent + 24 * HOUR;
    assertThat(s.statusAt(justBefore)).isEqualTo(SessionStatus.LIVE);
    assertThat(s.participantMillisAt(justBefore)).isEqualTo((25 * HOUR) + (24 * HOUR));
    assertThat(s.endedAtOrNull(justBefore)).isNull();

    long after = justBefore + 1;
    assertThat(s.statusAt(after)).isEqualTo(SessionStatus.ENDED);
    assertThat(s.isStaleAt(after)).isTrue();
    assertThat(s.liveParticipantsAt(after)).isZero();
    assertThat(s.endedAtOrNull(after)).isEqualTo(lastEvent);
    assertThat(s.participantMillisAt(after)).as("minutes up to the last event").isEqualTo(HOUR);

    List<SessionTimeline.Built> later = replay(join("a", T0), join("b", T0 + HOUR), leave("a", T0 + 30 * HOUR),
        leave("b", T0 + 30 * HOUR));
    assertThat(later).as("one session: the leaves close the stays the joins opened").hasSize(1);
    Session continued = later.get(0).session();
    assertThat(continued.startedAt()).isEqualTo(T0);
    assertThat(continued.endedAt()).isEqualTo(T0 + 30 * HOUR);
    assertThat(continued.participantMillisAt(T0 + 40 * HOUR)).isEqualTo(30 * HOUR + 29 * HOUR);
  }

  @Test
  void aSecondJoinOfAPresentPeerAndALeaveOfAnAbsentPeerChangeNothing() {
    Session s = replay(join("a", T0), join("a", T0 + MIN), leave("a", T0 + 2 * MIN), leave("a", T0 + 3 * MIN))
        .get(0).session();
    assertThat(s.peakCount()).isEqualTo(1);
    assertThat(s.closedMillis()).isEqualTo(2 * MIN);
    assertThat(s.endedAt()).isEqualTo(T0 + 2 * MIN);
  }

  /**
   * Continuing from the stored latest session (the engine's fast path) gives exactly what a
   * full replay gives, wherever the history is cut.
   */
  @Test
  void resumingFromTheLatestSessionEqualsAFullReplay() {
    java.util.Random random = new java.util.Random(7);
    for (int round = 0; round < 200; round++) {
      List<ParticipantEvent> history = new ArrayList<>();
      long t = T0;
      java.util.Set<String> present = new java.util.HashSet<>();
      for (int i = 0; i < 40; i++) {
        t += random.nextInt(4) == 0 ? 50_000 + random.nextInt(40_000) : random.nextInt(20_000);
        String peer = "p" + random.nextInt(6);
        int kind = random.nextInt(10);
        if (kind == 0) {
          history.add(end(t));
          present.clear();
        } else if (present.contains(peer) && kind < 6) {
          history.add(leave(peer, t));
          present.remove(peer);
        } else {
          history.add(join(peer, t));
          present.add(peer);
        }
      }
      history.sort(SessionTimeline.ORDER);
      List<SessionTimeline.Built> full = TIMELINE.replay("app", meeting, history);

      int cut = 1 + random.nextInt(history.size() - 1);
      List<SessionTimeline.Built> first = TIMELINE.replay("app", meeting, history.subList(0, cut));
      List<SessionTimeline.Built> combined = new ArrayList<>(first);
      Session latest = null;
      List<dev.rtksessions.model.Participant> rows = List.of();
      if (!first.isEmpty()) {
        SessionTimeline.Built last = combined.remove(combined.size() - 1);
        latest = last.session();
        rows = last.participants();
        if (!SessionTimeline.canResume(latest)) {
          combined.add(last);
        }
      }
      combined.addAll(TIMELINE.resume("app", meeting, latest, rows, history.subList(cut, history.size())));
      assertThat(combined.stream().map(SessionTimeline.Built::session).toList()).as("round %d, cut %d", round, cut)
          .isEqualTo(full.stream().map(SessionTimeline.Built::session).toList());
      assertThat(combined.stream().map(b -> new java.util.HashSet<>(b.participants())).toList())
          .isEqualTo(full.stream().map(b -> new java.util.HashSet<>(b.participants())).toList());
    }
  }

  @Test
  void sessionIdsComeFromTheStartingJoinAndAreStable() {
    ParticipantEvent named = new ParticipantEvent("x", EventType.JOINED, "m1", T0, "a", "sess-42", null, null,
        null, null, null, null, null, null);
    assertThat(TIMELINE.replay("app", meeting, List.of(named)).get(0).session().id()).isEqualTo("sess-42");
    String derived = SessionTimeline.derivedSessionId("app", "m1", "e-first");
    assertThat(derived).isEqualTo(SessionTimeline.derivedSessionId("app", "m1", "e-first"))
        .isNotEqualTo(SessionTimeline.derivedSessionId("app", "m1", "e-other"));
  }
}
