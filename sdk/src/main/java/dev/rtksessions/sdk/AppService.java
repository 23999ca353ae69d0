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

  /**
   * Lists the account's apps, newest first unless sorted otherwise:
   * {@code GET /accounts/{account_id}/realtime/kit/apps}.
   *
   * @param params the account, page and search
   * @return one page of apps; {@code autoPager()} walks all the following pages
   */
  public AppGetResponse get(AppGetParams params) {
    return AppGetResponse.of(http.get(Paths.account(params.accountId()) + "/apps", params.queryParams()),
        SessionService.firstPage(params.pageNo()), n -> get(params.toBuilder().pageNo(n).build()));
  }

  /**
   * Creates an app: {@code POST /accounts/{account_id}/realtime/kit/apps}.
   *
   * @param params the account and the app's name
   * @return the new app
   */
  public AppPostResponse post(AppPostParams params) {
    return AppPostResponse.fromJson(http.post(Paths.account(params.accountId()) + "/apps", params.body()));
  }
}
