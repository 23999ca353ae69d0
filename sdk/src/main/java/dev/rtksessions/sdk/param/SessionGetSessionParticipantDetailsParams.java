package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code sessions().getSessionParticipantDetails(participantId, params)}: {@code
 * GET .../sessions/{session_id}/participants/{participant_id}}.
 */
public final class SessionGetSessionParticipantDetailsParams extends AppScopedParams implements PeerEventsParams {
  private SessionGetSessionParticipantDetailsParams(Builder b) {
    super(b, Param.SESSION_ID);
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** @return the session the participant belongs to (path) */
  public String sessionId() {
    return get(Param.SESSION_ID).orElseThrow();
  }

  /** Collects the values; {@link #build()} checks the account, app and session are set. */
  public static final class Builder extends AppScopedParams.Builder<SessionGetSessionParticipantDetailsParams, Builder>
      implements PeerEventsParams.Builder<Builder> {
    private Builder() {
      super(SessionGetSessionParticipantDetailsParams::new);
    }

    /**
     * @param sessionId the session the participant belongs to (path) (required)
     * @return this builder
     */
    public Builder sessionId(String sessionId) {
      return set(Param.SESSION_ID, sessionId);
    }
  }
}
