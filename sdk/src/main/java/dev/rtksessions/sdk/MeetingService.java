package dev.rtksessions.sdk;

import dev.rtksessions.sdk.model.MeetingCreateResponse;
import dev.rtksessions.sdk.model.MeetingGetMeetingByIdResponse;
import dev.rtksessions.sdk.model.MeetingGetResponse;
import dev.rtksessions.sdk.param.MeetingCreateParams;
import dev.rtksessions.sdk.param.MeetingGetMeetingByIdParams;
import dev.rtksessions.sdk.param.MeetingGetParams;

/**
 * An app's meetings, {@code client.realtimeKit().meetings()}. The method names are
 * Cloudflare's: {@code create}, {@code get} (lists) and {@code getMeetingById}.
 */
public final class MeetingService {
  private final HttpTransport http;

  MeetingService(HttpTransport http) {
    this.http = http;
  }

  /** {@link #create(String, MeetingCreateParams, RequestOptions)} with the client's options. */
  public MeetingCreateResponse create(String appId, MeetingCreateParams params) {
    return create(appId, params, RequestOptions.none());
  }

  /**
   * Creates a meeting: {@code POST .../{app_id}/meetings}.
   *
   * @param appId the app
   * @param params the account and the meeting's settings
   * @param options this call's options, over the client's
   * @return the new meeting
   */
  public MeetingCreateResponse create(String appId, MeetingCreateParams params, RequestOptions options) {
    return MeetingCreateResponse.fromJson(http.postNonIdempotent(Paths.app(params.accountId(), appId) + "/meetings",
        params.body(), options));
  }

  /** {@link #get(String, MeetingGetParams, RequestOptions)} with the client's options. */
  public MeetingGetResponse get(String appId, MeetingGetParams params) {
    return get(appId, params, RequestOptions.none());
  }

  /**
   * Lists an app's meetings: {@code GET .../{app_id}/meetings}.
   *
   * @param appId the app
   * @param params the account, page and search
   * @param options this call's options, over the client's
   * @return one page of meetings; {@code autoPager()} walks all the following pages
   */
  public MeetingGetResponse get(String appId, MeetingGetParams params, RequestOptions options) {
    return MeetingGetResponse.of(http.get(Paths.app(params.accountId(), appId) + "/meetings",
        params.queryParams(), options), SessionService.firstPage(params.pageNo()),
        n -> get(appId, params.toBuilder().pageNo(n).build(), options));
  }

  /**
   * {@link #getMeetingById(String, MeetingGetMeetingByIdParams, RequestOptions)} with the client's options.
   */
  public MeetingGetMeetingByIdResponse getMeetingById(String meetingId, MeetingGetMeetingByIdParams params) {
    return getMeetingById(meetingId, params, RequestOptions.none());
  }

  /**
   * One meeting: {@code GET .../meetings/{meeting_id}}.
   *
   * @param meetingId the meeting
   * @param params the account and app
   * @param options this call's options, over the client's
   * @return the meeting
   */
  public MeetingGetMeetingByIdResponse getMeetingById(String meetingId, MeetingGetMeetingByIdParams params,
      RequestOptions options) {
    return MeetingGetMeetingByIdResponse.fromJson(http.get(Paths.app(params.accountId(), params.appId())
        + "/meetings/" + Paths.segment(meetingId, "meetingId"), params.queryParams(), options));
  }
}
