package dev.rtksessions.api;

import dev.rtksessions.model.Meeting;

/** A meeting on the wire (§5), with our {@code parent_meeting_id} for breakout rooms. */
public record MeetingJson(
    String id,
    String title,
    String status,
    String createdAt,
    String updatedAt,
    int sessionKeepAliveTimeInSecs,
    boolean recordOnStart,
    boolean liveStreamOnStart,
    boolean persistChat,
    boolean summarizeOnEnd,
    boolean transcribeOnEnd,
    String parentMeetingId) {

  public static MeetingJson of(Meeting m) {
    return new MeetingJson(m.id(), m.title(), m.status().name(), Timestamps.format(m.createdAt()),
        Timestamps.format(m.updatedAt()), m.keepAliveSecs(), m.recordOnStart(), m.liveStreamOnStart(),
        m.persistChat(), m.summarizeOnEnd(), m.transcribeOnEnd(), m.parentMeetingId());
  }
}
