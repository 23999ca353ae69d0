package dev.rtksessions.sdk;

import dev.rtksessions.sdk.model.ActiveSessionGetActiveSessionResponse;
import dev.rtksessions.sdk.param.ActiveSessionGetActiveSessionParams;

/** A meeting's live session, {@code client.realtimeKit().activeSession()}. */
public final class ActiveSessionService {
  private final HttpTransport http;

  ActiveSessionService(HttpTransport http) {
    this.http = http;
  }

  /**
   * {@link #getActiveSession(String, ActiveSessionGetActiveSessionParams, RequestOptions)} with the client's options.
   */
  public ActiveSessionGetActiveSessionResponse getActiveSession(String meetingId,
      ActiveSessionGetActiveSessionParams params) {
    return getActiveSession(meetingId, params, RequestOptions.none());
  }

  /**
   * The meeting's LIVE session: {@code GET .../meetings/{meeting_id}/active-session}.
   *
   * @param meetingId the meeting
   * @param params the account and app
   * @param options this call's options, over the client's
   * @return the live session
   * @throws dev.rtksessions.sdk.exception.NotFoundException if the meeting has no live session
   */
  public ActiveSessionGetActiveSessionResponse getActiveSession(String meetingId,
      ActiveSessionGetActiveSessionParams params, RequestOptions options) {
    String path = Paths.app(params.accountId(), params.appId()) + "/meetings/"
        + Paths.segment(meetingId, "meetingId") + "/active-session";
    return ActiveSessionGetActiveSessionResponse.fromJson(http.get(path, params.queryParams(), options));
  }
}
