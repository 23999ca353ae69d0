package dev.rtksessions.sdk.param;

/**
 * What the calls that need nothing but the account and the app have in common. Each such call
 * still has its own params type, named as in Cloudflare's SDKs.
 */
public abstract class AppScopedParams {
  private final String accountId;
  private final String appId;

  AppScopedParams(Builder<?> b) {
    this.accountId = Require.present(b.accountId, "accountId");
    this.appId = Require.present(b.appId, "appId");
  }

  /** @return the Cloudflare account id (path) */
  public String accountId() {
    return accountId;
  }

  /** @return the app id (path) */
  public String appId() {
    return appId;
  }

  /**
   * Collects the account and the app; the concrete builder's {@code build()} checks both are set.
   *
   * @param <B> the concrete builder, returned by the setters
   */
  public abstract static class Builder<B extends Builder<B>> {
    private String accountId;
    private String appId;

    Builder() {}

    /**
     * @param accountId the Cloudflare account id (path) (required)
     * @return this builder
     */
    public B accountId(String accountId) {
      this.accountId = accountId;
      return self();
    }

    /**
     * @param appId the app id (path) (required)
     * @return this builder
     */
    public B appId(String appId) {
      this.appId = appId;
      return self();
    }

    abstract B self();
  }
}
