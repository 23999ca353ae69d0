package dev.rtksessions.model;

/** One peer's presence in one session. Times are epoch milliseconds. */
public record Participant(
    String appId,
    String sessionId,
    String peerId,
    String meetingId,
    String userId,
    String customParticipantId,
    String displayName,
    String presetName,
    long joinedAt,
    Long leftAt,
    long closedMillis,
    Long presentSince) {

  public long durationMillisAt(long now) {
    return closedMillis + (presentSince == null ? 0 : Math.max(0, now - presentSince));
  }

  /**
   * The row as its session shows it at {@code now}: a peer still present in a stale session
   * (see {@link Session#isStaleAt}) reads as having left at the session's last event.
   */
  public Participant seenIn(Session session, long now) {
    if (presentSince == null || !session.isStaleAt(now)) {
      return this;
    }
    long leftAt = session.updatedAt();
    return new Participant(appId, sessionId, peerId, meetingId, userId, customParticipantId, displayName,
        presetName, joinedAt, leftAt, closedMillis + Math.max(0, leftAt - presentSince), null);
  }
}
