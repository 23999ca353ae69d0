package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parameters of {@code apps().post(params)}: {@code POST
 * /accounts/{account_id}/realtime/kit/apps}, creating an app.
 *
 * <p>Immutable; build with {@link #builder()}, derive a variant with {@link #toBuilder()}.
 */
public final class AppPostParams {
  private final String accountId;
  private final String name;

  private AppPostParams(Builder b) {
    this.accountId = Require.present(b.accountId, "accountId");
    this.name = Require.present(b.name, "name");
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accountId = accountId;
    b.name = name;
    return b;
  }

  /** @return the Cloudflare account id (path) */
  public String accountId() {
    return accountId;
  }

  /** @return the new app's name */
  public String name() {
    return name;
  }

  /**
   * The JSON body this sends; unset fields are left out.
   *
   * @return a new JSON object
   */
  public ObjectNode body() {
    return new Body()
        .put("name", name)
        .build();
  }

  /** Collects the values; {@link #build()} checks that the required ones are set. */
  public static final class Builder {
    private String accountId;
    private String name;

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
     * @param name the new app's name (required)
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if {@code accountId} or {@code name} is unset or blank
     */
    public AppPostParams build() {
      return new AppPostParams(this);
    }
  }
}
