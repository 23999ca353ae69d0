package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code sessions().getSessionChat(sessionId, params)}: {@code GET
 * .../sessions/{session_id}/chat}. The account and the app are all it takes, both in the path.
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
    return new Builder().from(this);
  }

  /** Collects the account and the app. */
  public static final class Builder extends AppScopedParams.Builder<SessionGetSessionChatParams, Builder> {
    private Builder() {
      super(SessionGetSessionChatParams::new);
    }
  }
}
