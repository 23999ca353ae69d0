package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/** A meeting: a room that hosts sessions over time. */
public final class Meeting extends JsonModel {
  private static final int DEFAULT_KEEP_ALIVE_SECS = 60;

  /**
   * @param raw a meeting JSON object (copied)
   * @return its typed model
   */
  public static Meeting fromJson(JsonNode raw) {
    return new Meeting(copied(raw));
  }

  Meeting(JsonNode raw) {
    super(raw, "meeting");
  }

  /** @return {@code id}: the meeting id */
  public String id() {
    return fields.string("id");
  }

  /** @return {@code title}, if the meeting has one (Cloudflare allows a null title) */
  public Optional<String> title() {
    return fields.optionalString("title");
  }

  /** @return {@code status}: ACTIVE or INACTIVE */
  public MeetingStatus status() {
    return fields.enumValue("status", MeetingStatus::fromWireValue);
  }

  /** @return {@code created_at} */
  public Instant createdAt() {
    return fields.instant("created_at");
  }

  /** @return {@code updated_at} */
  public Instant updatedAt() {
    return fields.instant("updated_at");
  }

  /**
   * @return {@code session_keep_alive_time_in_secs}: how long a session outlives its last peer;
   *     the API's default, 60, when absent
   */
  public int sessionKeepAliveTimeInSecs() {
    return fields.integer("session_keep_alive_time_in_secs", DEFAULT_KEEP_ALIVE_SECS);
  }

  /** @return {@code record_on_start}; false when absent, the API's default */
  public boolean recordOnStart() {
    return fields.bool("record_on_start", false);
  }

  /** @return {@code live_stream_on_start}; false when absent, the API's default */
  public boolean liveStreamOnStart() {
    return fields.bool("live_stream_on_start", false);
  }

  /** @return {@code persist_chat}; false when absent, the API's default */
  public boolean persistChat() {
    return fields.bool("persist_chat", false);
  }

  /** @return {@code summarize_on_end}; false when absent, the API's default */
  public boolean summarizeOnEnd() {
    return fields.bool("summarize_on_end", false);
  }

  /** @return {@code transcribe_on_end}; false when absent, the API's default */
  public boolean transcribeOnEnd() {
    return fields.bool("transcribe_on_end", false);
  }

  /**
   * @return {@code parent_meeting_id}: the meeting this one is a breakout room of (an
   *     rtk-sessions extension; Cloudflare does not send it)
   */
  public Optional<String> parentMeetingId() {
    return fields.optionalString("parent_meeting_id");
  }
}
