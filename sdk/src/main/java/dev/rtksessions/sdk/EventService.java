package dev.rtksessions.sdk;

import dev.rtksessions.sdk.model.EventPostResponse;
import dev.rtksessions.sdk.param.EventPostParams;

/**
 * Feeding participant events, {@code client.realtimeKit().events()}: rtk-sessions' own
 * extension (Cloudflare records sessions from its media servers instead).
 */
public final class EventService {
  private final HttpTransport http;

  EventService(HttpTransport http) {
    this.http = http;
  }

  /** {@link #post(String, EventPostParams, RequestOptions)} with the client's options. */
  public EventPostResponse post(String appId, EventPostParams params) {
    return post(appId, params, RequestOptions.none());
  }

  /**
   * Records a batch of events atomically: {@code POST .../{app_id}/events}. A repeated event id
   * is acknowledged as a duplicate; a leave without a join fails the whole batch with
   * {@link dev.rtksessions.sdk.exception.UnprocessableEntityException}.
   *
   * @param appId the app
   * @param params the account and the events
   * @param options this call's options, over the client's
   * @return each event's outcome
   */
  public EventPostResponse post(String appId, EventPostParams params, RequestOptions options) {
    return EventPostResponse.fromJson(http.post(Paths.app(params.accountId(), appId) + "/events", params.body(),
        options));
  }
}
