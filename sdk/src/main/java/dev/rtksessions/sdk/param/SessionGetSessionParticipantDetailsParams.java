package dev.rtksessions.sdk.param;

import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code sessions().getSessionParticipantDetails(participantId, params)}: {@code
 * GET .../sessions/{session_id}/participants/{participant_id}}.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class SessionGetSessionParticipantDetailsParams extends AppScopedParams {
  private final String sessionId;
  private final Boolean includePeerEvents;

  private SessionGetSessionParticipantDetailsParams(Builder b) {
    super(b);
    this.sessionId = Require.present(b.sessionId, "sessionId");
    this.includePeerEvents = b.includePeerEvents;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId(accountId()).appId(appId());
    b.sessionId = sessionId;
    b.includePeerEvents = includePeerEvents;
    return b;
  }

  /** @return the session the participant belongs to (path) */
  public String sessionId() {
    return sessionId;
  }

  /**
   * @return {@code include_peer_events}: whether to include each participant's {@code
   *     peer_events}, if set
   */
  public Optional<Boolean> includePeerEvents() {
    return Optional.ofNullable(includePeerEvents);
  }

  /**
   * The query string parameters this sends: wire names and values, unset ones left out,
   * times as ISO-8601 UTC with milliseconds and enums as their wire values (not yet
   * percent-encoded).
   *
   * @return the parameters in a fixed order
   */
  public Map<String, String> queryParams() {
    return new Query()
        .add("include_peer_events", includePeerEvents)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder extends AppScopedParams.Builder<Builder> {
    private String sessionId;
    private Boolean includePeerEvents;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param sessionId the session the participant belongs to (path) (required)
     * @return this builder
     */
    public Builder sessionId(String sessionId) {
      this.sessionId = sessionId;
      return this;
    }

    /**
     * @param includePeerEvents whether to include each participant's {@code peer_events}
     * @return this builder
     */
    public Builder includePeerEvents(boolean includePeerEvents) {
      this.includePeerEvents = includePeerEvents;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} or {@code appId} or {@code sessionId} is unset or blank
     */
    public SessionGetSessionParticipantDetailsParams build() {
      return new SessionGetSessionParticipantDetailsParams(this);
    }
  }
}
