package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code sessions().getSessionChat(sessionId, params)}: {@code GET
 * .../sessions/{session_id}/chat}.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class SessionGetSessionChatParams extends AppScopedParams {
  private SessionGetSessionChatParams(Builder b) {
    super(b);
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    return new Builder().accountId(accountId()).appId(appId());
  }

  /** Collects the account and the app. */
  public static final class Builder extends AppScopedParams.Builder<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} or {@code appId} is unset or blank
     */
    public SessionGetSessionChatParams build() {
      return new SessionGetSessionChatParams(this);
    }
  }
}
