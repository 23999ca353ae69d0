package dev.rtksessions.model;

/** A room that hosts sessions over time. Times are epoch milliseconds. */
public record Meeting(
    String appId,
    String id,
    String title,
    MeetingStatus status,
    int keepAliveSecs,
    boolean recordOnStart,
    boolean liveStreamOnStart,
    boolean persistChat,
    boolean summarizeOnEnd,
    boolean transcribeOnEnd,
    String parentMeetingId,
    long createdAt,
    long updatedAt) {

  public static final int DEFAULT_KEEP_ALIVE_SECS = 60;
  public static final int MIN_KEEP_ALIVE_SECS = 60;
  public static final int MAX_KEEP_ALIVE_SECS = 600;

  /** A meeting as created on the fly by its first event. */
  public static Meeting implicit(String appId, String id, String title, String parentMeetingId, long now) {
    return new Meeting(appId, id, title == null ? "" : title, MeetingStatus.ACTIVE, DEFAULT_KEEP_ALIVE_SECS,
        false, false, false, false, false, parentMeetingId, now, now);
  }

  public long keepAliveMillis() {
    return keepAliveSecs * 1000L;
  }
}
