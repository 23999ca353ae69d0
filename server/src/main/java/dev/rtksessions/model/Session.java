package dev.rtksessions.model;

/**
 * A session as stored. Figures that move with time (status, live peers, minutes) are
 * derived at read time from {@code now}, so reads are exact before any background work.
 * Times are epoch milliseconds.
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

  /** Value of {@link #liveUntil} while peers are present. */
  public static final long FOREVER = Long.MAX_VALUE;

  public SessionStatus statusAt(long now) {
    return now <= liveUntil ? SessionStatus.LIVE : SessionStatus.ENDED;
  }

  public int liveParticipantsAt(long now) {
    return statusAt(now) == SessionStatus.LIVE ? liveCount : 0;
  }

  /** Participant-milliseconds up to {@code now} (peers still present count until now). */
  public long participantMillisAt(long now) {
    return closedMillis + Math.max(0, liveCount * now - liveJoinSum);
  }

  /** The end time once ENDED at {@code now}; null while LIVE. */
  public Long endedAtOrNull(long now) {
    return statusAt(now) == SessionStatus.ENDED ? endedAt : null;
  }
}
