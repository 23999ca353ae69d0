package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Parameters of {@code apps().post(params)}: {@code POST /accounts/{account_id}/realtime/kit/apps},
 * creating an app.
 */
public final class AppPostParams extends Params {
  private AppPostParams(Builder b) {
    super(b, Param.NAME);
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these values */
  public Builder toBuilder() {
    return new Builder().from(this);
  }

  /** @return the new app's name */
  public String name() {
    return get(Param.NAME).orElseThrow();
  }

  /**
   * The JSON body this sends.
   *
   * @return a new JSON object
   */
  public ObjectNode body() {
    return bodyFields();
  }

  /** Collects the values; {@link #build()} checks the account and name are set. */
  public static final class Builder extends Params.Builder<AppPostParams, Builder> {
    private Builder() {
      super(AppPostParams::new);
    }

    /**
     * @param name the new app's name (required)
     * @return this builder
     */
    public Builder name(String name) {
      return set(Param.NAME, name);
    }
  }
}
