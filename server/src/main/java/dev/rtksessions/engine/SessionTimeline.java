package dev.rtksessions.engine;

import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingProgress;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns one meeting's events into its sessions. A pure function of the events (the meeting's
 * keep-alive and the stale limit): the same set of events gives the same sessions, whatever
 * order they arrived in, which is what makes duplicates and reordering harmless.
 */
public final class SessionTimeline {
  /** Event time, then joins before leaves before ends, then event id: a total order. */
  public static final Comparator<ParticipantEvent> ORDER = MeetingProgress.EVENT_ORDER;

  /** The default stale limit: a day without any event while peers are present. */
  public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(24);

  /** The timeline with the default stale limit. */
  public static final SessionTimeline DEFAULT = new SessionTimeline(DEFAULT_STALE_AFTER);

  /** A session rebuilt from events, with its participant rows. */
  public record Built(Session session, List<Participant> participants) {}

  private final long staleAfterMillis;

  /**
   * @param staleAfter how long a session with peers present stays LIVE after its last event;
   *     past that it reads as ENDED at that event (a leave that never came must not keep it
   *     growing), until a later event of its own continues it
   */
  public SessionTimeline(Duration staleAfter) {
    if (staleAfter.isNegative() || staleAfter.isZero()) {
      throw new IllegalArgumentException("the stale limit must be positive, got " + staleAfter);
    }
    this.staleAfterMillis = staleAfter.toMillis();
  }

  /** How long a session with peers present stays LIVE after its last event, in milliseconds. */
  public long staleAfterMillis() {
    return staleAfterMillis;
  }

  /**
   * Replays {@code events} (sorted by {@link #ORDER}) from a state with no session open.
   * Sessions come back without a parent; the engine links breakout rooms afterwards.
   */
  public List<Built> replay(String appId, Meeting meeting, List<ParticipantEvent> events) {
    return run(appId, meeting, null, events);
  }

  /**
   * Applies {@code events} (sorted, all after every event already applied to the meeting) on
   * top of the meeting's latest session as stored, with its participant rows. Gives what a
   * full replay would: the stored rows hold the whole state of an open session. The latest
   * session comes back first (changed or not) when it could still take events.
   */
  public List<Built> resume(String appId, Meeting meeting, Session latest, List<Participant> rows,
      List<ParticipantEvent> events) {
    return run(appId, meeting, canResume(latest) ? new Occupancy(latest, rows) : null, events);
  }

  /**
   * True when later events may still belong to {@code latest}: it exists and was not ended
   * explicitly (an explicit end is the one state where {@code live_until == ended_at}; the
   * keep-alive window makes them differ otherwise).
   */
  public static boolean canResume(Session latest) {
    return latest != null && !(latest.endedAt() != null && latest.liveUntil() == latest.endedAt());
  }

  private List<Built> run(String appId, Meeting meeting, Occupancy open, List<ParticipantEvent> events) {
    List<Built> built = new ArrayList<>();
    long keepAlive = meeting.keepAliveMillis();
    for (ParticipantEvent e : events) {
      // An event naming the session keeps it open past the keep-alive: what the sender calls
      // one session stays one, even while its events in between have not arrived.
      if (open != null && open.liveCount == 0 && e.at() > open.lastLeaveAt + keepAlive
          && !open.id.equals(e.sessionId())) {
        built.add(build(open, keepAlive));
        open = null;
      }
      switch (e.type()) {
        case JOINED -> {
          if (open == null) {
            open = new Occupancy(appId, meeting.id(), e);
          }
          open.join(e);
        }
        case LEFT -> {
          if (open != null) {
            open.leave(e.peerId(), e.at());
          }
        }
        case SESSION_ENDED -> {
          if (open != null) {
            open.end(e.at());
            built.add(build(open, keepAlive));
            open = null;
          }
        }
      }
    }
    if (open != null) {
      built.add(build(open, keepAlive));
    }
    return built;
  }

  private Built build(Occupancy open, long keepAlive) {
    return open.build(keepAlive, staleAfterMillis);
  }

  /** The id of a session whose starting join named none: stable across rebuilds. */
  public static String derivedSessionId(String appId, String meetingId, String startEventId) {
    String seed = appId + '\n' + meetingId + '\n' + startEventId;
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The running state of one session while its events are replayed. */
  private static final class Occupancy {
    final String appId;
    final String meetingId;
    final String id;
    final SessionType type;
    final String meta;
    final long startedAt;
    final Map<String, Peer> peers = new LinkedHashMap<>();
    int liveCount;
    int peak;
    long closedMillis;
    long liveJoinSum;
    long updatedAt;
    long lastLeaveAt;
    Long endedExplicitlyAt;

    /** Picks up a stored session that is still open, with its participant rows. */
    Occupancy(Session s, List<Participant> rows) {
      this.appId = s.appId();
      this.meetingId = s.meetingId();
      this.id = s.id();
      this.type = s.type();
      this.meta = s.meta();
      this.startedAt = s.startedAt();
      this.liveCount = s.liveCount();
      this.peak = s.peakCount();
      this.closedMillis = s.closedMillis();
      this.liveJoinSum = s.liveJoinSum();
      this.updatedAt = s.updatedAt();
      this.lastLeaveAt = s.endedAt() == null ? 0 : s.endedAt();
      List<Participant> inJoinOrder = new ArrayList<>(rows);
      inJoinOrder.sort(Comparator.comparingLong(Participant::joinedAt).thenComparing(Participant::peerId));
      for (Participant p : inJoinOrder) {
        peers.put(p.peerId(), new Peer(p));
      }
    }

    Occupancy(String appId, String meetingId, ParticipantEvent first) {
      this.appId = appId;
      this.meetingId = meetingId;
      this.id = first.sessionId() != null ? first.sessionId() : derivedSessionId(appId, meetingId, first.id());
      this.type = first.sessionType() != null ? first.sessionType() : SessionType.MEETING;
      this.meta = first.meta();
      this.startedAt = first.at();
      this.updatedAt = first.at();
    }

    void join(ParticipantEvent e) {
      Peer peer = peers.computeIfAbsent(e.peerId(), id -> new Peer(e));
      if (peer.presentSince != null) {
        return; // already present: a second join for the same peer changes nothing
      }
      peer.presentSince = e.at();
      peer.leftAt = null;
      liveCount++;
      peak = Math.max(peak, liveCount);
      liveJoinSum += e.at();
      updatedAt = e.at();
    }

    void leave(String peerId, long at) {
      Peer peer = peers.get(peerId);
      if (peer == null || peer.presentSince == null) {
        return; // not present at this point of the timeline
      }
      long stayed = at - peer.presentSince;
      liveJoinSum -= peer.presentSince;
      closedMillis += stayed;
      peer.closedMillis += stayed;
      peer.presentSince = null;
      peer.leftAt = at;
      liveCount--;
      if (liveCount == 0) {
        lastLeaveAt = at;
      }
      updatedAt = at;
    }

    /**
     * Ends the session at {@code at}: peers still present leave then. An end that comes while
     * nobody is present (in the keep-alive window) ends it at the last leave: nobody was in it
     * afterwards.
     */
    void end(long at) {
      if (liveCount == 0) {
        endedExplicitlyAt = lastLeaveAt;
        updatedAt = at;
        return;
      }
      for (Map.Entry<String, Peer> entry : peers.entrySet()) {
        if (entry.getValue().presentSince != null) {
          leave(entry.getKey(), at);
        }
      }
      endedExplicitlyAt = at;
      updatedAt = at;
    }

    /**
     * The session as it stands. {@code live_until}: the explicit end; else the last leave plus
     * the keep-alive when nobody is present; else, with peers present, the last event plus the
     * stale limit (reads see it ENDED past that; its events still say it is open, see
     * {@link Session#openUntil()}).
     */
    Built build(long keepAlive, long staleAfter) {
      Long endedAt;
      long liveUntil;
      if (endedExplicitlyAt != null) {
        endedAt = endedExplicitlyAt;
        liveUntil = endedExplicitlyAt;
      } else if (liveCount == 0) {
        endedAt = lastLeaveAt;
        liveUntil = lastLeaveAt + keepAlive;
      } else {
        endedAt = null;
        liveUntil = updatedAt + staleAfter;
      }
      Session session = new Session(appId, id, meetingId, null, type, liveCount, peak, closedMillis, liveJoinSum,
          startedAt, startedAt, updatedAt, endedAt, liveUntil, meta);
      List<Participant> rows = new ArrayList<>(peers.size());
      for (Map.Entry<String, Peer> entry : peers.entrySet()) {
        Peer p = entry.getValue();
        rows.add(new Participant(appId, id, entry.getKey(), meetingId, p.userId, p.customParticipantId,
            p.displayName, p.presetName, p.joinedAt, p.leftAt, p.closedMillis, p.presentSince));
      }
      return new Built(session, rows);
    }
  }

  /** One peer's presence within a session being replayed. */
  private static final class Peer {
    final String userId;
    final String customParticipantId;
    final String displayName;
    final String presetName;
    final long joinedAt;
    Long presentSince;
    Long leftAt;
    long closedMillis;

    Peer(Participant row) {
      this.userId = row.userId();
      this.customParticipantId = row.customParticipantId();
      this.displayName = row.displayName();
      this.presetName = row.presetName();
      this.joinedAt = row.joinedAt();
      this.presentSince = row.presentSince();
      this.leftAt = row.leftAt();
      this.closedMillis = row.closedMillis();
    }

    Peer(ParticipantEvent join) {
      this.userId = join.userId();
      this.customParticipantId = join.customParticipantId();
      this.displayName = join.displayName();
      this.presetName = join.presetName();
      this.joinedAt = join.at();
    }
  }

}
