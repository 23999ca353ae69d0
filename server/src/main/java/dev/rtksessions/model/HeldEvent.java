package dev.rtksessions.model;

/**
 * A webhook's participant event that is recorded but cannot be placed yet: a leave whose own
 * join has not arrived, or an end before any join of its session. Its sender is not told to
 * retry, so it waits here (for operators to see) until the join it needs is recorded; the
 * replay of the meeting then places it like any other event. Times are epoch milliseconds.
 *
 * @param joinedFrom for a leave, the earliest time its join can have (from the leave's own
 *     {@code joinedAt}); null when any join of the peer at or before the leave places it
 * @param reportedAt when it was reported as waiting too long; null until then
 */
public record HeldEvent(
    String appId,
    String eventId,
    String meetingId,
    EventType type,
    String peerId,
    String sessionId,
    long at,
    Long joinedFrom,
    long receivedAt,
    Long reportedAt) {

  /** Slack on a leave's {@code joinedAt}, in case its join carries a time a little earlier. */
  public static final long JOINED_AT_SLACK_MILLIS = 1_000;

  /** How many events wait, and how many of them longer than the report limit. */
  public record Tally(long waiting, long overdue) {}

  /** What may wait: leaves and ends. */
  public static boolean canWait(EventType type) {
    return type == EventType.LEFT || type == EventType.SESSION_ENDED;
  }

  /**
   * The row for a leave or an end just recorded. {@code leaveJoinedAt} is the join time the
   * leave carries, if any.
   */
  public static HeldEvent of(String appId, ParticipantEvent e, Long leaveJoinedAt, long receivedAt) {
    if (!canWait(e.type())) {
      throw new IllegalArgumentException("only leaves and ends wait for a join, not " + e.type());
    }
    Long from = e.type() == EventType.LEFT && leaveJoinedAt != null ? leaveJoinedAt - JOINED_AT_SLACK_MILLIS : null;
    return new HeldEvent(appId, e.id(), e.meetingId(), e.type(), e.peerId(), e.sessionId(), e.at(), from, receivedAt,
        null);
  }

  /**
   * True when {@code join} (of the same meeting) is what this event waits for: for a leave, a
   * join of its peer at or before it (and not before {@link #joinedFrom}); for an end, a join
   * of the session it names, or of any session at or before it when it names none.
   */
  public boolean placedBy(ParticipantEvent join) {
    if (join.type() != EventType.JOINED || !join.meetingId().equals(meetingId)) {
      return false;
    }
    if (type == EventType.LEFT) {
      return join.peerId().equals(peerId) && join.at() <= at && (joinedFrom == null || join.at() >= joinedFrom);
    }
    return sessionId != null ? sessionId.equals(join.sessionId()) : join.at() <= at;
  }
}
