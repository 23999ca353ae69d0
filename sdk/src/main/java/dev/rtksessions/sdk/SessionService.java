package dev.rtksessions.sdk;

import dev.rtksessions.sdk.model.SessionGenerateSummaryOfTranscriptsResponse;
import dev.rtksessions.sdk.model.SessionGetParticipantDataFromPeerIdResponse;
import dev.rtksessions.sdk.model.SessionGetSessionChatResponse;
import dev.rtksessions.sdk.model.SessionGetSessionDetailsResponse;
import dev.rtksessions.sdk.model.SessionGetSessionParticipantDetailsResponse;
import dev.rtksessions.sdk.model.SessionGetSessionParticipantsResponse;
import dev.rtksessions.sdk.model.SessionGetSessionSummaryResponse;
import dev.rtksessions.sdk.model.SessionGetSessionTranscriptsResponse;
import dev.rtksessions.sdk.model.SessionGetSessionsResponse;
import dev.rtksessions.sdk.param.SessionGenerateSummaryOfTranscriptsParams;
import dev.rtksessions.sdk.param.SessionGetParticipantDataFromPeerIdParams;
import dev.rtksessions.sdk.param.SessionGetSessionChatParams;
import dev.rtksessions.sdk.param.SessionGetSessionDetailsParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantDetailsParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantsParams;
import dev.rtksessions.sdk.param.SessionGetSessionSummaryParams;
import dev.rtksessions.sdk.param.SessionGetSessionTranscriptsParams;
import dev.rtksessions.sdk.param.SessionGetSessionsParams;
import java.util.Optional;

/**
 * The sessions family, {@code client.realtimeKit().sessions()}: named and shaped like
 * {@code client.realtimeKit.sessions} in Cloudflare's TypeScript SDK. Every method throws a
 * {@link dev.rtksessions.sdk.exception.RealtimeKitException} subclass on failure.
 */
public final class SessionService {
  private final HttpTransport http;

  SessionService(HttpTransport http) {
    this.http = http;
  }

  /** {@link #getSessions(String, SessionGetSessionsParams, RequestOptions)} with the client's options. */
  public SessionGetSessionsResponse getSessions(String appId, SessionGetSessionsParams params) {
    return getSessions(appId, params, RequestOptions.none());
  }

  /**
   * Lists an app's sessions, newest first unless sorted otherwise: {@code GET .../{app_id}/sessions}.
   *
   * @param appId the app
   * @param params the account, filters, sort and page
   * @param options this call's options, over the client's
   * @return one page of sessions; {@code autoPager()} walks all the following pages
   */
  public SessionGetSessionsResponse getSessions(String appId, SessionGetSessionsParams params, RequestOptions options) {
    String path = Paths.app(params.accountId(), appId) + "/sessions";
    return SessionGetSessionsResponse.of(http.get(path, params.queryParams(), options), firstPage(params.pageNo()),
        n -> getSessions(appId, params.toBuilder().pageNo(n).build(), options));
  }

  /**
   * {@link #getSessionDetails(String, SessionGetSessionDetailsParams, RequestOptions)} with the client's options.
   */
  public SessionGetSessionDetailsResponse getSessionDetails(String sessionId, SessionGetSessionDetailsParams params) {
    return getSessionDetails(sessionId, params, RequestOptions.none());
  }

  /**
   * One session: {@code GET .../sessions/{session_id}}.
   *
   * @param sessionId the session
   * @param params the account and app; {@code includeBreakoutRooms} to fill {@code breakout_rooms}
   * @param options this call's options, over the client's
   * @return the session
   */
  public SessionGetSessionDetailsResponse getSessionDetails(String sessionId, SessionGetSessionDetailsParams params,
      RequestOptions options) {
    String path = session(params.accountId(), params.appId(), sessionId);
    return SessionGetSessionDetailsResponse.fromJson(http.get(path, params.queryParams(), options));
  }

  /**
   * {@link #getSessionParticipants(String, SessionGetSessionParticipantsParams, RequestOptions)}
   * with the client's options.
   */
  public SessionGetSessionParticipantsResponse getSessionParticipants(String sessionId,
      SessionGetSessionParticipantsParams params) {
    return getSessionParticipants(sessionId, params, RequestOptions.none());
  }

  /**
   * A session's participants, one row per peer: {@code GET .../sessions/{session_id}/participants}.
   *
   * @param sessionId the session
   * @param params the account and app, page, sort, search, peer events and view
   * @param options this call's options, over the client's
   * @return one page of participants; {@code autoPager()} walks all the following pages
   */
  public SessionGetSessionParticipantsResponse getSessionParticipants(String sessionId,
      SessionGetSessionParticipantsParams params, RequestOptions options) {
    String path = session(params.accountId(), params.appId(), sessionId) + "/participants";
    return SessionGetSessionParticipantsResponse.of(http.get(path, params.queryParams(), options),
        firstPage(params.pageNo()),
        n -> getSessionParticipants(sessionId, params.toBuilder().pageNo(n).build(), options));
  }

  /**
   * {@link #getSessionParticipantDetails(String, SessionGetSessionParticipantDetailsParams, RequestOptions)}
   * with the client's options.
   */
  public SessionGetSessionParticipantDetailsResponse getSessionParticipantDetails(String participantId,
      SessionGetSessionParticipantDetailsParams params) {
    return getSessionParticipantDetails(participantId, params, RequestOptions.none());
  }

  /**
   * One participant of a session:
   * {@code GET .../sessions/{session_id}/participants/{participant_id}}.
   *
   * @param participantId the participant (peer) id
   * @param params the account, app and session
   * @param options this call's options, over the client's
   * @return the participant
   */
  public SessionGetSessionParticipantDetailsResponse getSessionParticipantDetails(String participantId,
      SessionGetSessionParticipantDetailsParams params, RequestOptions options) {
    String path = session(params.accountId(), params.appId(), params.sessionId()) + "/participants/"
        + Paths.segment(participantId, "participantId");
    return SessionGetSessionParticipantDetailsResponse.fromJson(http.get(path, params.queryParams(), options));
  }

  /**
   * {@link #getParticipantDataFromPeerId(String, SessionGetParticipantDataFromPeerIdParams, RequestOptions)}
   * with the client's options.
   */
  public SessionGetParticipantDataFromPeerIdResponse getParticipantDataFromPeerId(String peerId,
      SessionGetParticipantDataFromPeerIdParams params) {
    return getParticipantDataFromPeerId(peerId, params, RequestOptions.none());
  }

  /**
   * A peer's participant data and peer report, searched across the app's sessions:
   * {@code GET .../sessions/peer-report/{peer_id}}.
   *
   * @param peerId the peer
   * @param params the account and app; optional filters and peer events
   * @param options this call's options, over the client's
   * @return the peer's details
   */
  public SessionGetParticipantDataFromPeerIdResponse getParticipantDataFromPeerId(String peerId,
      SessionGetParticipantDataFromPeerIdParams params, RequestOptions options) {
    String path = Paths.app(params.accountId(), params.appId()) + "/sessions/peer-report/"
        + Paths.segment(peerId, "peerId");
    return SessionGetParticipantDataFromPeerIdResponse.fromJson(http.get(path, params.queryParams(), options));
  }

  /**
   * {@link #getSessionChat(String, SessionGetSessionChatParams, RequestOptions)} with the client's options.
   */
  public SessionGetSessionChatResponse getSessionChat(String sessionId, SessionGetSessionChatParams params) {
    return getSessionChat(sessionId, params, RequestOptions.none());
  }

  /**
   * Where to download a session's chat export: {@code GET .../sessions/{session_id}/chat}.
   *
   * @param sessionId the session
   * @param params the account and app
   * @param options this call's options, over the client's
   * @return the download URL and its expiry
   */
  public SessionGetSessionChatResponse getSessionChat(String sessionId, SessionGetSessionChatParams params,
      RequestOptions options) {
    String path = session(params.accountId(), params.appId(), sessionId) + "/chat";
    return SessionGetSessionChatResponse.fromJson(http.get(path, params.queryParams(), options));
  }

  /**
   * {@link #getSessionTranscripts(String, SessionGetSessionTranscriptsParams, RequestOptions)}
   * with the client's options.
   */
  public SessionGetSessionTranscriptsResponse getSessionTranscripts(String sessionId,
      SessionGetSessionTranscriptsParams params) {
    return getSessionTranscripts(sessionId, params, RequestOptions.none());
  }

  /**
   * Where to download a session's transcript: {@code GET .../sessions/{session_id}/transcript}.
   *
   * @param sessionId the session
   * @param params the account and app; optional file format
   * @param options this call's options, over the client's
   * @return the download URL and its expiry
   */
  public SessionGetSessionTranscriptsResponse getSessionTranscripts(String sessionId,
      SessionGetSessionTranscriptsParams params, RequestOptions options) {
    String path = session(params.accountId(), params.appId(), sessionId) + "/transcript";
    return SessionGetSessionTranscriptsResponse.fromJson(http.get(path, params.queryParams(), options));
  }

  /**
   * {@link #getSessionSummary(String, SessionGetSessionSummaryParams, RequestOptions)} with the client's options.
   */
  public SessionGetSessionSummaryResponse getSessionSummary(String sessionId, SessionGetSessionSummaryParams params) {
    return getSessionSummary(sessionId, params, RequestOptions.none());
  }

  /**
   * Where to download a session's summary: {@code GET .../sessions/{session_id}/summary}.
   *
   * @param sessionId the session
   * @param params the account and app
   * @param options this call's options, over the client's
   * @return the download URL and its expiry
   */
  public SessionGetSessionSummaryResponse getSessionSummary(String sessionId, SessionGetSessionSummaryParams params,
      RequestOptions options) {
    String path = session(params.accountId(), params.appId(), sessionId) + "/summary";
    return SessionGetSessionSummaryResponse.fromJson(http.get(path, params.queryParams(), options));
  }

  /**
   * {@link #generateSummaryOfTranscripts(String, SessionGenerateSummaryOfTranscriptsParams, RequestOptions)}
   * with the client's options.
   */
  public SessionGenerateSummaryOfTranscriptsResponse generateSummaryOfTranscripts(String sessionId,
      SessionGenerateSummaryOfTranscriptsParams params) {
    return generateSummaryOfTranscripts(sessionId, params, RequestOptions.none());
  }

  /**
   * Asks for a summary of the session's transcript: {@code POST .../sessions/{session_id}/summary}.
   *
   * @param sessionId the session
   * @param params the account and app
   * @param options this call's options, over the client's
   * @return the session and the summary job's status
   */
  public SessionGenerateSummaryOfTranscriptsResponse generateSummaryOfTranscripts(String sessionId,
      SessionGenerateSummaryOfTranscriptsParams params, RequestOptions options) {
    String path = session(params.accountId(), params.appId(), sessionId) + "/summary";
    return SessionGenerateSummaryOfTranscriptsResponse.fromJson(http.post(path, null, options));
  }

  private static String session(String accountId, String appId, String sessionId) {
    return Paths.app(accountId, appId) + "/sessions/" + Paths.segment(sessionId, "sessionId");
  }

  /** The page a request asks for: page_no 0 and an absent page_no both mean the first page. */
  static long firstPage(Optional<Long> pageNo) {
    return Math.max(1, pageNo.orElse(1L));
  }
}
