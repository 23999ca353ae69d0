package dev.rtksessions.sdk.param;

/**
 * Parameters of {@code apps().get(params)}: {@code GET /accounts/{account_id}/realtime/kit/apps},
 * the account's apps. {@code search} matches a substring of the app name; {@code sort_order}
 * sorts by creation time.
 */
public final class AppGetParams extends Params implements ListParams, SortOrderParams {
  private AppGetParams(Builder b) {
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

  /** Collects the account, page, search and sort order. */
  public static final class Builder extends Params.Builder<AppGetParams, Builder>
      implements ListParams.Builder<Builder>, SortOrderParams.Builder<Builder> {
    private Builder() {
      super(AppGetParams::new);
    }
  }
}
