package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code meetings().getMeetingById(meetingId, params)}: {@code GET
 * .../meetings/{meeting_id}}. The account and the app are all it takes, both in the path.
 */
public final class MeetingGetMeetingByIdParams extends AppScopedParams {
  private MeetingGetMeetingByIdParams(Builder b) {
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
  public static final class Builder extends AppScopedParams.Builder<MeetingGetMeetingByIdParams, Builder> {
    private Builder() {
      super(MeetingGetMeetingByIdParams::new);
    }
  }
}
