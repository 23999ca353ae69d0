package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Parameters of {@code meetings().create(appId, params)}: {@code POST .../{app_id}/meetings}.
 * Every body field is optional; an unset field is not sent, so the server's default applies.
 */
public final class MeetingCreateParams extends Params {
  /** Whether the meeting can be joined; {@link #of(String)} sends any other value. */
  public static final class Status extends WireEnum {
    /** {@code ACTIVE} */
    public static final Status ACTIVE = of("ACTIVE");
    /** {@code INACTIVE} */
    public static final Status INACTIVE = of("INACTIVE");

    private Status(String wireValue) {
      super(wireValue);
    }

    /**
     * @param wireValue the value as the API spells it, known to this SDK or not
     * @return it as a meeting status
     */
    public static Status of(String wireValue) {
      return new Status(wireValue);
    }
  }

  private MeetingCreateParams(Builder b) {
    super(b);
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /**
   * @return {@code title}: the meeting title, shown as the sessions' {@code meeting_display_name},
   *     if set
   */
  public Optional<String> title() {
    return get(Param.TITLE);
  }

  /** @return {@code status}: ACTIVE (default) or INACTIVE, if set */
  public Optional<Status> status() {
    return get(Param.MEETING_STATUS);
  }

  /**
   * @return {@code session_keep_alive_time_in_secs}: how long a session outlives its last peer,
   *     60-600 (default 60), if set
   */
  public Optional<Integer> sessionKeepAliveTimeInSecs() {
    return get(Param.SESSION_KEEP_ALIVE_TIME_IN_SECS);
  }

  /** @return {@code record_on_start}: record when a session starts, if set */
  public Optional<Boolean> recordOnStart() {
    return get(Param.RECORD_ON_START);
  }

  /** @return {@code live_stream_on_start}: live stream when a session starts, if set */
  public Optional<Boolean> liveStreamOnStart() {
    return get(Param.LIVE_STREAM_ON_START);
  }

  /** @return {@code persist_chat}: keep the chat after the session, if set */
  public Optional<Boolean> persistChat() {
    return get(Param.PERSIST_CHAT);
  }

  /** @return {@code summarize_on_end}: summarize the transcript when a session ends, if set */
  public Optional<Boolean> summarizeOnEnd() {
    return get(Param.SUMMARIZE_ON_END);
  }

  /** @return {@code transcribe_on_end}: transcribe when a session ends, if set */
  public Optional<Boolean> transcribeOnEnd() {
    return get(Param.TRANSCRIBE_ON_END);
  }

  /**
   * @return {@code parent_meeting_id}: makes this meeting a breakout room of that meeting (an rtk-
   *     sessions extension; Cloudflare ignores it), if set
   */
  public Optional<String> parentMeetingId() {
    return get(Param.PARENT_MEETING_ID);
  }

  /**
   * The JSON body this sends; unset fields are left out.
   *
   * @return a new JSON object
   */
  public ObjectNode body() {
    return bodyFields();
  }

  /** Collects the values; {@link #build()} checks the account is set. */
  public static final class Builder extends Params.Builder<MeetingCreateParams, Builder> {
    private Builder() {
      super(MeetingCreateParams::new);
    }

    /**
     * @param title the meeting title, shown as the sessions' {@code meeting_display_name}
     * @return this builder
     */
    public Builder title(String title) {
      return set(Param.TITLE, title);
    }

    /**
     * @param status ACTIVE (default) or INACTIVE, or {@link Status#of(String)} for another value
     * @return this builder
     */
    public Builder status(Status status) {
      return set(Param.MEETING_STATUS, status);
    }

    /**
     * @param sessionKeepAliveTimeInSecs how long a session outlives its last peer, 60-600 (default
     *     60)
     * @return this builder
     */
    public Builder sessionKeepAliveTimeInSecs(int sessionKeepAliveTimeInSecs) {
      return set(Param.SESSION_KEEP_ALIVE_TIME_IN_SECS, sessionKeepAliveTimeInSecs);
    }

    /**
     * @param recordOnStart record when a session starts
     * @return this builder
     */
    public Builder recordOnStart(boolean recordOnStart) {
      return set(Param.RECORD_ON_START, recordOnStart);
    }

    /**
     * @param liveStreamOnStart live stream when a session starts
     * @return this builder
     */
    public Builder liveStreamOnStart(boolean liveStreamOnStart) {
      return set(Param.LIVE_STREAM_ON_START, liveStreamOnStart);
    }

    /**
     * @param persistChat keep the chat after the session
     * @return this builder
     */
    public Builder persistChat(boolean persistChat) {
      return set(Param.PERSIST_CHAT, persistChat);
    }

    /**
     * @param summarizeOnEnd summarize the transcript when a session ends
     * @return this builder
     */
    public Builder summarizeOnEnd(boolean summarizeOnEnd) {
      return set(Param.SUMMARIZE_ON_END, summarizeOnEnd);
    }

    /**
     * @param transcribeOnEnd transcribe when a session ends
     * @return this builder
     */
    public Builder transcribeOnEnd(boolean transcribeOnEnd) {
      return set(Param.TRANSCRIBE_ON_END, transcribeOnEnd);
    }

    /**
     * @param parentMeetingId makes this meeting a breakout room of that meeting (an rtk-sessions
     *     extension; Cloudflare ignores it)
     * @return this builder
     */
    public Builder parentMeetingId(String parentMeetingId) {
      return set(Param.PARENT_MEETING_ID, parentMeetingId);
    }
  }
}
