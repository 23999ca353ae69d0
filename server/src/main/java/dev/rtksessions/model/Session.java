package dev.rtksessions.model;

/**
 * A session as stored. Figures that move with time (status, live peers, minutes) are
 * derived at read time from {@code now}, so reads are exact before any background work.
 * Times are epoch milliseconds.
 *
 * <p>{@code liveUntil} is the last instant the session reads as LIVE: the explicit end, the
 * last leave plus the keep-alive, or, while peers are present, the last event plus the stale
 * limit. A session past that limit with peers still present is <em>stale</em>: a leave never
 * came, so it reads as ENDED at its last event, with minutes up to then.
 */
public record Session(
    String appId,
    String id,
    String meetingId,
    String parentSessionId,
    SessionType type,
    int liveCount,
    int peakCount,
    long closedMillis,
    long liveJoinSum,
    long createdAt,
    long startedAt,
    long updatedAt,
    Long endedAt,
    long liveUntil,
    String meta) {

  /** "No end": what {@link #openUntil()} is while peers are present. */
  public static final long FOREVER = Long.MAX_VALUE;

  public SessionStatus statusAt(long now) {
    return now <= liveUntil ? SessionStatus.LIVE : SessionStatus.ENDED;
  }

  /**
   * Until when the session's events keep it open (event time): forever while peers are
   * present, whatever the stale limit says of reads; else to the end of its keep-alive, or to
   * its explicit end's own time (an end in the keep-alive window dates the session back to its
   * last leave, but events before the end still belong to it). Rebuilds and breakout links use
   * this, so that what events arrive decides the sessions, not when they are read.
   */
  public long openUntil() {
    return liveCount > 0 ? FOREVER : Math.max(liveUntil, updatedAt);
  }

  /** True when peers are present but nothing was heard of the session past its stale limit. */
  public boolean isStaleAt(long now) {
    return liveCount > 0 && now > liveUntil;
  }

  /** The instant up to which present peers count at {@code now}: the last event once stale. */
  public long clockAt(long now) {
    return isStaleAt(now) ? updatedAt : now;
  }

  public int liveParticipantsAt(long now) {
    return statusAt(now) == SessionStatus.LIVE ? liveCount : 0;
  }

  /** Participant-milliseconds up to {@code now} (peers still present count until now). */
  public long participantMillisAt(long now) {
    return closedMillis + Math.max(0, liveCount * clockAt(now) - liveJoinSum);
  }

  /** The end time once ENDED at {@code now} (the last event for a stale session); null while LIVE. */
  public Long endedAtOrNull(long now) {
    if (statusAt(now) == SessionStatus.LIVE) {
      return null;
    }
    return endedAt != null ? endedAt : updatedAt;
  }
}
