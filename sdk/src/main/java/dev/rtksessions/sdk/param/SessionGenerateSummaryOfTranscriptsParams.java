package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code sessions().generateSummaryOfTranscripts(sessionId, params)}: {@code
 * POST .../sessions/{session_id}/summary}. The account and the app are all it takes, both in the path.
 */
public final class SessionGenerateSummaryOfTranscriptsParams extends AppScopedParams {
  private SessionGenerateSummaryOfTranscriptsParams(Builder b) {
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
  public static final class Builder
      extends AppScopedParams.Builder<SessionGenerateSummaryOfTranscriptsParams, Builder> {
    private Builder() {
      super(SessionGenerateSummaryOfTranscriptsParams::new);
    }
  }
}
