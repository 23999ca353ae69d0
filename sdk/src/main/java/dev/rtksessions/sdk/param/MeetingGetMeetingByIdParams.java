package dev.rtksessions.sdk.param;


/**
 * Parameters of {@code meetings().getMeetingById(meetingId, params)}: {@code GET
 * .../meetings/{meeting_id}}.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class MeetingGetMeetingByIdParams {
  private final String accountId;
  private final String appId;

  private MeetingGetMeetingByIdParams(Builder b) {
    this.accountId = Require.present(b.accountId, "accountId");
    this.appId = Require.present(b.appId, "appId");
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId = accountId;
    b.appId = appId;
    return b;
  }

  /** @return the Cloudflare account id (path) */
  public String accountId() {
    return accountId;
  }

  /** @return the app id (path) */
  public String appId() {
    return appId;
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder {
    private String accountId;
    private String appId;

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
     * @param appId the app id (path) (required)
     * @return this builder
     */
    public Builder appId(String appId) {
      this.appId = appId;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} or {@code appId} is unset or blank
     */
    public MeetingGetMeetingByIdParams build() {
      return new MeetingGetMeetingByIdParams(this);
    }
  }
}
