package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code sessions().getSessionSummary(sessionId, params)}: {@code GET
 * .../sessions/{session_id}/summary}.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class SessionGetSessionSummaryParams extends AppScopedParams {
  private SessionGetSessionSummaryParams(Builder b) {
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
    public SessionGetSessionSummaryParams build() {
      return new SessionGetSessionSummaryParams(this);
    }
  }
}
