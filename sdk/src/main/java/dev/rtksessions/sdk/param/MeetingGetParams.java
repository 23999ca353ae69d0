package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code meetings().get(appId, params)}: {@code GET .../{app_id}/meetings}, the
 * app's meetings. {@code search} matches a substring of the meeting id or title.
 */
public final class MeetingGetParams extends Params implements ListParams {
  private MeetingGetParams(Builder b) {
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

  /** Collects the account, page and search. */
  public static final class Builder extends Params.Builder<MeetingGetParams, Builder>
      implements ListParams.Builder<Builder> {
    private Builder() {
      super(MeetingGetParams::new);
    }
  }
}
