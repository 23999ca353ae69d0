package dev.rtksessions.sdk.param;

import java.util.Map;
import java.util.Optional;

/**
 * Parameters of {@code apps().get(params)}: {@code GET
 * /accounts/{account_id}/realtime/kit/apps}, the account's apps.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class AppGetParams {
  private final String accountId;
  private final Long pageNo;
  private final Long perPage;
  private final String search;
  private final SortOrder sortOrder;

  private AppGetParams(Builder b) {
    this.accountId = Require.present(b.accountId, "accountId");
    this.pageNo = b.pageNo;
    this.perPage = b.perPage;
    this.search = b.search;
    this.sortOrder = b.sortOrder;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId = accountId;
    b.pageNo = pageNo;
    b.perPage = perPage;
    b.search = search;
    b.sortOrder = sortOrder;
    return b;
  }

  /** @return the Cloudflare account id (path) */
  public String accountId() {
    return accountId;
  }

  /**
   * @return {@code page_no}: the page to return, 1-based (0 also means the first page on this
   *     server), if set
   */
  public Optional<Long> pageNo() {
    return Optional.ofNullable(pageNo);
  }

  /** @return {@code per_page}: items per page (this server: 1-200, default 20), if set */
  public Optional<Long> perPage() {
    return Optional.ofNullable(perPage);
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
    return new Query()
        .add("page_no", pageNo)
        .add("per_page", perPage)
        .add("search", search)
        .add("sort_order", sortOrder)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder {
    private String accountId;
    private Long pageNo;
    private Long perPage;
    private String search;
    private SortOrder sortOrder;

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
     * @param pageNo the page to return, 1-based (0 also means the first page on this server)
     * @return this builder
     */
    public Builder pageNo(long pageNo) {
      this.pageNo = pageNo;
      return this;
    }

    /**
     * @param perPage items per page (this server: 1-200, default 20)
     * @return this builder
     */
    public Builder perPage(long perPage) {
      this.perPage = perPage;
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
