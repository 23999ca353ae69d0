package dev.rtksessions.sdk;

import dev.rtksessions.sdk.model.MeetingCreateResponse;
import dev.rtksessions.sdk.model.MeetingGetMeetingByIdResponse;
import dev.rtksessions.sdk.model.MeetingGetResponse;
import dev.rtksessions.sdk.param.MeetingCreateParams;
import dev.rtksessions.sdk.param.MeetingGetMeetingByIdParams;
import dev.rtksessions.sdk.param.MeetingGetParams;
import java.util.Map;

/**
 * An app's meetings, {@code client.realtimeKit().meetings()}. The method names are
 * Cloudflare's: {@code create}, {@code get} (lists) and {@code getMeetingById}.
 */
public final class MeetingService {
  private final HttpTransport http;

  MeetingService(HttpTransport http) {
    this.http = http;
  }

  /**
   * Creates a meeting: {@code POST .../{app_id}/meetings}.
   *
   * @param appId the app
   * @param params the account and the meeting's settings
   * @return the new meeting
   */
  public MeetingCreateResponse create(String appId, MeetingCreateParams params) {
    return MeetingCreateResponse.fromJson(http.post(Paths.app(params.accountId(), appId) + "/meetings",
        params.body()));
  }

  /**
   * Lists an app's meetings: {@code GET .../{app_id}/meetings}.
   *
   * @param appId the app
   * @param params the account, page and search
   * @return one page of meetings; {@code autoPager()} walks all the following pages
   */
  public MeetingGetResponse get(String appId, MeetingGetParams params) {
    return MeetingGetResponse.of(http.get(Paths.app(params.accountId(), appId) + "/meetings",
        params.queryParams()), SessionService.firstPage(params.pageNo()),
        n -> get(appId, params.toBuilder().pageNo(n).build()));
  }

  /**
   * One meeting: {@code GET .../meetings/{meeting_id}}.
   *
   * @param meetingId the meeting
   * @param params the account and app
   * @return the meeting
   */
  public MeetingGetMeetingByIdResponse getMeetingById(String meetingId, MeetingGetMeetingByIdParams params) {
    return MeetingGetMeetingByIdResponse.fromJson(http.get(Paths.app(params.accountId(), params.appId())
        + "/meetings/" + Paths.segment(meetingId, "meetingId"), Map.of()));
  }
}
