package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code activeSession().getActiveSession(meetingId, params)}: {@code GET
 * .../meetings/{meeting_id}/active-session}. The account and the app are all it takes, both in the path.
 */
public final class ActiveSessionGetActiveSessionParams extends AppScopedParams {
  private ActiveSessionGetActiveSessionParams(Builder b) {
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
  public static final class Builder extends AppScopedParams.Builder<ActiveSessionGetActiveSessionParams, Builder> {
    private Builder() {
      super(ActiveSessionGetActiveSessionParams::new);
    }
  }
}
