package dev.rtksessions.sdk.param;

import java.util.Optional;

/**
 * What the list calls whose params carry only the account (any app id is a method argument)
 * have in common: the account and the page. What {@code search} and {@code sort_order} match
 * differs per call, so those stay with each params type. {@link
 * SessionGetSessionParticipantsParams} pages the same way but is an {@link AppScopedParams}, so it
 * keeps its own paging values.
 */
public abstract class AccountListParams {
  private final String accountId;
  private final Long pageNo;
  private final Long perPage;

  AccountListParams(Builder<?> b) {
    this.accountId = Require.present(b.accountId, "accountId");
    this.pageNo = b.pageNo;
    this.perPage = b.perPage;
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

  /** The query with the paging values, which every such call sends first. */
  Query pagedQuery() {
    return new Query().add("page_no", pageNo).add("per_page", perPage);
  }

  /**
   * Collects the account and the page; the concrete builder's {@code build()} checks the account
   * is set.
   *
   * @param <B> the concrete builder, returned by the setters
   */
  public abstract static class Builder<B extends Builder<B>> {
    private String accountId;
    private Long pageNo;
    private Long perPage;

    Builder() {}

    /** Copies the shared values of {@code p}, for {@code toBuilder()}. */
    B from(AccountListParams p) {
      this.accountId = p.accountId;
      this.pageNo = p.pageNo;
      this.perPage = p.perPage;
      return self();
    }

    /**
     * @param accountId the Cloudflare account id (path) (required)
     * @return this builder
     */
    public B accountId(String accountId) {
      this.accountId = accountId;
      return self();
    }

    /**
     * @param pageNo the page to return, 1-based (0 also means the first page on this server)
     * @return this builder
     */
    public B pageNo(long pageNo) {
      this.pageNo = pageNo;
      return self();
    }

    /**
     * @param perPage items per page (this server: 1-200, default 20)
     * @return this builder
     */
    public B perPage(long perPage) {
      this.perPage = perPage;
      return self();
    }

    abstract B self();
  }
}
