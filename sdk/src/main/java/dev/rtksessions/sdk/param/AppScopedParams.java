package dev.rtksessions.sdk.param;

import java.util.function.Function;

/**
 * What the calls whose params name the app (rather than taking it as a method argument) have in
 * common. Each such call still has its own params type, named as in Cloudflare's SDKs.
 */
public abstract class AppScopedParams extends Params {
  AppScopedParams(Builder<?, ?> b, Param<?>... required) {
    super(b, withApp(required));
  }

  /** @return the app id (path) */
  public String appId() {
    return get(Param.APP_ID).orElseThrow();
  }

  private static Param<?>[] withApp(Param<?>[] required) {
    Param<?>[] all = new Param<?>[required.length + 1];
    all[0] = Param.APP_ID;
    System.arraycopy(required, 0, all, 1, required.length);
    return all;
  }

  /**
   * Collects the account, the app and the call's other values.
   *
   * @param <P> the params type it builds
   * @param <B> the concrete builder, returned by the setters
   */
  public abstract static class Builder<P extends AppScopedParams, B extends Builder<P, B>>
      extends Params.Builder<P, B> {
    Builder(Function<B, P> build) {
      super(build);
    }

    /**
     * @param appId the app id (path) (required)
     * @return this builder
     */
    public B appId(String appId) {
      return set(Param.APP_ID, appId);
    }
  }
}
