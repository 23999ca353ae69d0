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
}
