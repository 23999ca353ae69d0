package dev.rtksessions.sdk.param;

import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code apps().get(params)}: {@code GET
 * /accounts/{account_id}/realtime/kit/apps}, the account's apps.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class AppGetParams extends AccountListParams {
  private final String search;
  private final SortOrder sortOrder;

  private AppGetParams(Builder b) {
    super(b);
    this.search = b.search;
    this.sortOrder = b.sortOrder;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder().from(this);
    b.search = search;
    b.sortOrder = sortOrder;
    return b;
  }

  /** @return {@code search}: a substring of the app name, if set */
  public Optional<String> search() {
    return Optional.ofNullable(search);
  }

  /** @return {@code sort_order}: by creation time, ascending or descending, if set */
  public Optional<SortOrder> sortOrder() {
    return Optional.ofNullable(sortOrder);
  }

  /**
   * The query string parameters this sends: wire names and values, unset ones left out,
   * times as ISO-8601 UTC with milliseconds and enums as their wire values (not yet
   * percent-encoded).
   *
   * @return the parameters in a fixed order
   */
  public Map<String, String> queryParams() {
    return pagedQuery()
        .add("search", search)
        .add("sort_order", sortOrder)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder extends AccountListParams.Builder<Builder> {
    private String search;
    private SortOrder sortOrder;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * @param search a substring of the app name
     * @return this builder
     */
    public Builder search(String search) {
      this.search = search;
      return this;
    }

    /**
     * @param sortOrder by creation time, ascending or descending
     * @return this builder
     */
    public Builder sortOrder(SortOrder sortOrder) {
      this.sortOrder = sortOrder;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} is unset or blank
     */
    public AppGetParams build() {
      return new AppGetParams(this);
    }
  }
}
