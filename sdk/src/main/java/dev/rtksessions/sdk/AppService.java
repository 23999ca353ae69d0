package dev.rtksessions.sdk;

import dev.rtksessions.sdk.model.AppGetResponse;
import dev.rtksessions.sdk.model.AppPostResponse;
import dev.rtksessions.sdk.param.AppGetParams;
import dev.rtksessions.sdk.param.AppPostParams;

/**
 * An account's apps, {@code client.realtimeKit().apps()}. The method names are Cloudflare's:
 * {@code get} lists and {@code post} creates.
 */
public final class AppService {
  private final HttpTransport http;

  AppService(HttpTransport http) {
    this.http = http;
  }

  /** {@link #get(AppGetParams, RequestOptions)} with the client's options. */
  public AppGetResponse get(AppGetParams params) {
    return get(params, RequestOptions.none());
  }

  /**
   * Lists the account's apps, newest first unless sorted otherwise:
   * {@code GET /accounts/{account_id}/realtime/kit/apps}.
   *
   * @param params the account, page and search
   * @param options this call's options, over the client's
   * @return one page of apps; {@code autoPager()} walks all the following pages
   */
  public AppGetResponse get(AppGetParams params, RequestOptions options) {
    return AppGetResponse.of(http.get(Paths.account(params.accountId()) + "/apps", params.queryParams(), options),
        SessionService.firstPage(params.pageNo()), n -> get(params.toBuilder().pageNo(n).build(), options));
  }

  /** {@link #post(AppPostParams, RequestOptions)} with the client's options. */
  public AppPostResponse post(AppPostParams params) {
    return post(params, RequestOptions.none());
  }

  /**
   * Creates an app: {@code POST /accounts/{account_id}/realtime/kit/apps}.
   *
   * @param params the account and the app's name
   * @param options this call's options, over the client's
   * @return the new app
   */
  public AppPostResponse post(AppPostParams params, RequestOptions options) {
    return AppPostResponse.fromJson(http.postNonIdempotent(Paths.account(params.accountId()) + "/apps", params.body(),
        options));
  }
}
