package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Parameters of {@code meetings().create(appId, params)}: {@code POST .../{app_id}/meetings}.
 * Every body field is optional; an unset field is not sent, so the server's default applies.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class MeetingCreateParams {
  /** Whether the meeting can be joined. */
  public enum Status implements WireEnum {
    /** {@code ACTIVE} */
    ACTIVE("ACTIVE"),
    /** {@code INACTIVE} */
    INACTIVE("INACTIVE");

    private final String wireValue;

    Status(String wireValue) {
      this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
      return wireValue;
    }
  }

  private final String accountId;
  private final String title;
  private final Status status;
  private final Integer sessionKeepAliveTimeInSecs;
  private final Boolean recordOnStart;
  private final Boolean liveStreamOnStart;
  private final Boolean persistChat;
  private final Boolean summarizeOnEnd;
  private final Boolean transcribeOnEnd;
  private final String parentMeetingId;

  private MeetingCreateParams(Builder b) {
    this.accountId = Require.present(b.accountId, "accountId");
    this.title = b.title;
    this.status = b.status;
    this.sessionKeepAliveTimeInSecs = b.sessionKeepAliveTimeInSecs;
    this.recordOnStart = b.recordOnStart;
    this.liveStreamOnStart = b.liveStreamOnStart;
    this.persistChat = b.persistChat;
    this.summarizeOnEnd = b.summarizeOnEnd;
    this.transcribeOnEnd = b.transcribeOnEnd;
    this.parentMeetingId = b.parentMeetingId;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId = accountId;
    b.title = title;
    b.status = status;
    b.sessionKeepAliveTimeInSecs = sessionKeepAliveTimeInSecs;
    b.recordOnStart = recordOnStart;
    b.liveStreamOnStart = liveStreamOnStart;
    b.persistChat = persistChat;
    b.summarizeOnEnd = summarizeOnEnd;
    b.transcribeOnEnd = transcribeOnEnd;
    b.parentMeetingId = parentMeetingId;
    return b;
  }

  /** @return the Cloudflare account id (path) */
  public String accountId() {
    return accountId;
  }

  /**
   * @return {@code title}: the meeting title, shown as the sessions' {@code meeting_display_name},
   *     if set
   */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /** @return {@code status}: ACTIVE (default) or INACTIVE, if set */
  public Optional<Status> status() {
    return Optional.ofNullable(status);
  }

  /**
   * @return {@code session_keep_alive_time_in_secs}: how long a session outlives its last peer,
   *     60-600 (default 60), if set
   */
  public Optional<Integer> sessionKeepAliveTimeInSecs() {
    return Optional.ofNullable(sessionKeepAliveTimeInSecs);
  }

  /** @return {@code record_on_start}: record when a session starts, if set */
  public Optional<Boolean> recordOnStart() {
    return Optional.ofNullable(recordOnStart);
  }

  /** @return {@code live_stream_on_start}: live stream when a session starts, if set */
  public Optional<Boolean> liveStreamOnStart() {
    return Optional.ofNullable(liveStreamOnStart);
  }

  /** @return {@code persist_chat}: keep the chat after the session, if set */
  public Optional<Boolean> persistChat() {
    return Optional.ofNullable(persistChat);
  }

  /** @return {@code summarize_on_end}: summarize the transcript when a session ends, if set */
  public Optional<Boolean> summarizeOnEnd() {
    return Optional.ofNullable(summarizeOnEnd);
  }

  /** @return {@code transcribe_on_end}: transcribe when a session ends, if set */
  public Optional<Boolean> transcribeOnEnd() {
    return Optional.ofNullable(transcribeOnEnd);
  }

  /**
   * @return {@code parent_meeting_id}: makes this meeting a breakout room of that meeting (an rtk-
   *     sessions extension; Cloudflare ignores it), if set
   */
  public Optional<String> parentMeetingId() {
    return Optional.ofNullable(parentMeetingId);
  }

  /**
   * The JSON body this sends; unset fields are left out.
   *
   * @return a new JSON object
   */
  public ObjectNode body() {
    return new Body()
        .put("title", title)
        .put("status", status)
        .put("session_keep_alive_time_in_secs", sessionKeepAliveTimeInSecs)
        .put("record_on_start", recordOnStart)
        .put("live_stream_on_start", liveStreamOnStart)
        .put("persist_chat", persistChat)
        .put("summarize_on_end", summarizeOnEnd)
        .put("transcribe_on_end", transcribeOnEnd)
        .put("parent_meeting_id", parentMeetingId)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder {
    private String accountId;
    private String title;
    private Status status;
    private Integer sessionKeepAliveTimeInSecs;
    private Boolean recordOnStart;
    private Boolean liveStreamOnStart;
    private Boolean persistChat;
    private Boolean summarizeOnEnd;
    private Boolean transcribeOnEnd;
    private String parentMeetingId;

    private Builder() {}

    /**
     * @param accountId the Cloudflare account id (path) (required)
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /**
     * @param title the meeting title, shown as the sessions' {@code meeting_display_name}
     * @return this builder
     */
    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /**
     * @param status ACTIVE (default) or INACTIVE
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = status;
      return this;
    }

    /**
     * @param sessionKeepAliveTimeInSecs how long a session outlives its last peer, 60-600
     *     (default 60)
     * @return this builder
     */
    public Builder sessionKeepAliveTimeInSecs(int sessionKeepAliveTimeInSecs) {
      this.sessionKeepAliveTimeInSecs = sessionKeepAliveTimeInSecs;
      return this;
    }

    /**
     * @param recordOnStart record when a session starts
     * @return this builder
     */
    public Builder recordOnStart(boolean recordOnStart) {
      this.recordOnStart = recordOnStart;
      return this;
    }

    /**
     * @param liveStreamOnStart live stream when a session starts
     * @return this builder
     */
    public Builder liveStreamOnStart(boolean liveStreamOnStart) {
      this.liveStreamOnStart = liveStreamOnStart;
      return this;
    }

    /**
     * @param persistChat keep the chat after the session
     * @return this builder
     */
    public Builder persistChat(boolean persistChat) {
      this.persistChat = persistChat;
      return this;
    }

    /**
     * @param summarizeOnEnd summarize the transcript when a session ends
     * @return this builder
     */
    public Builder summarizeOnEnd(boolean summarizeOnEnd) {
      this.summarizeOnEnd = summarizeOnEnd;
      return this;
    }

    /**
     * @param transcribeOnEnd transcribe when a session ends
     * @return this builder
     */
    public Builder transcribeOnEnd(boolean transcribeOnEnd) {
      this.transcribeOnEnd = transcribeOnEnd;
      return this;
    }

    /**
     * @param parentMeetingId makes this meeting a breakout room of that meeting (an rtk-sessions
     *     extension; Cloudflare ignores it)
     * @return this builder
     */
    public Builder parentMeetingId(String parentMeetingId) {
      this.parentMeetingId = parentMeetingId;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} is unset or blank
     */
    public MeetingCreateParams build() {
      return new MeetingCreateParams(this);
    }
  }
}
