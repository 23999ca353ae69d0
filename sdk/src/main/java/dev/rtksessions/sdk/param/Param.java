package dev.rtksessions.sdk.param;

import java.time.Instant;

/**
 * One parameter of the API: its name and whether it goes in the path, the query string or the
 * JSON body. Every parameter the params types take is declared here, once, in the order it is
 * sent, so the wire order never depends on the order of the setter calls.
 *
 * @param <T> the type of its value
 */
final class Param<T> implements Comparable<Param<?>> {
  /** Where a parameter goes. Path values are placed by the services; the others by {@link Params}. */
  enum In { PATH, QUERY, BODY }

  private static int declared;

  static final Param<String> ACCOUNT_ID = new Param<>("accountId", In.PATH);
  static final Param<String> APP_ID = new Param<>("appId", In.PATH);
  static final Param<String> SESSION_ID = new Param<>("sessionId", In.PATH);

  static final Param<Long> PAGE_NO = query("page_no");
  static final Param<Long> PER_PAGE = query("per_page");
  static final Param<SessionGetSessionsParams.SortBy> SESSIONS_SORT_BY = query("sort_by");
  static final Param<SessionGetSessionParticipantsParams.SortBy> PARTICIPANTS_SORT_BY = query("sort_by");
  static final Param<SortOrder> SORT_ORDER = query("sort_order");
  static final Param<Instant> START_TIME = query("start_time");
  static final Param<Instant> END_TIME = query("end_time");
  static final Param<String> PARTICIPANTS = query("participants");
  static final Param<SessionGetSessionsParams.Status> SESSION_STATUS = query("status");
  static final Param<String> SEARCH = query("search");
  static final Param<String> ASSOCIATED_ID = query("associated_id");
  static final Param<SessionGetParticipantDataFromPeerIdParams.Filters> FILTERS = query("filters");
  static final Param<Boolean> INCLUDE_PEER_EVENTS = query("include_peer_events");
  static final Param<SessionGetSessionParticipantsParams.View> VIEW = query("view");
  static final Param<Boolean> INCLUDE_BREAKOUT_ROOMS = query("include_breakout_rooms");
  static final Param<SessionGetSessionTranscriptsParams.Format> FORMAT = query("format");

  static final Param<String> NAME = body("name");
  static final Param<String> TITLE = body("title");
  static final Param<MeetingCreateParams.Status> MEETING_STATUS = body("status");
  static final Param<Integer> SESSION_KEEP_ALIVE_TIME_IN_SECS = body("session_keep_alive_time_in_secs");
  static final Param<Boolean> RECORD_ON_START = body("record_on_start");
  static final Param<Boolean> LIVE_STREAM_ON_START = body("live_stream_on_start");
  static final Param<Boolean> PERSIST_CHAT = body("persist_chat");
  static final Param<Boolean> SUMMARIZE_ON_END = body("summarize_on_end");
  static final Param<Boolean> TRANSCRIBE_ON_END = body("transcribe_on_end");
  static final Param<String> PARENT_MEETING_ID = body("parent_meeting_id");

  /** The wire name; for a path value, the Java name that error messages use. */
  final String name;
  final In in;
  private final int order;

  private Param(String name, In in) {
    this.name = name;
    this.in = in;
    this.order = declared++;
  }

  private static <T> Param<T> query(String name) {
    return new Param<>(name, In.QUERY);
  }

  private static <T> Param<T> body(String name) {
    return new Param<>(name, In.BODY);
  }

  @Override
  public int compareTo(Param<?> other) {
    return Integer.compare(order, other.order);
  }

  @Override
  public String toString() {
    return name;
  }
}
