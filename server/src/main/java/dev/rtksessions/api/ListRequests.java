package dev.rtksessions.api;

import dev.rtksessions.model.MeetingFilter;
import dev.rtksessions.model.MeetingStatus;
import dev.rtksessions.model.ParticipantQuery;
import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.model.SessionStatus;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query parameters of every list endpoint (sessions, participants, apps, meetings), read and
 * checked in one place, as docs/api.md states them; every refusal is a 400 naming the parameter.
 */
public final class ListRequests {
  public static final int DEFAULT_PER_PAGE = 20;
  public static final int MAX_PER_PAGE = 200;
  public static final int MAX_SEARCH_LENGTH = 255;
  private static final int MAX_APP_SEARCH_LENGTH = 125;
  private static final List<String> ORDERS = List.of("ASC", "DESC");
  private static final Pattern RANGE = Pattern.compile("(\\d{1,9})?(:)?(\\d{1,9})?");

  private ListRequests() {}

  /** Which page: {@code page_no} (1-based; 0 reads as 1) of {@code per_page} items (1-200, default 20). */
  public record Page(int number, int size) {
    public long offset() {
      return (long) (number - 1) * size;
    }
  }

  public static Page page(Params params) {
    return new Page(Math.max(1, params.integer("page_no", 0, Integer.MAX_VALUE, 1)),
        params.integer("per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE));
  }

  /** {@code GET .../sessions}. */
  public record Sessions(SessionFilter filter, SessionOrder order, Page page) {}

  public static Sessions sessions(String appId, Params params) {
    Page page = page(params);
    String sortBy = params.oneOf("sort_by", List.of("createdAt", "minutesConsumed"));
    String sortOrder = params.oneOf("sort_order", ORDERS);
    String status = params.oneOf("status", List.of("LIVE", "ENDED"));
    String meetingId = params.string("associated_id");
    if (meetingId != null) {
      Ids.entityId("associated_id", meetingId);
    }
    Long[] created = createdRange(params);
    Integer[] peak = participants(params.string("participants"));
    String search = params.string("search", MAX_SEARCH_LENGTH);

    SessionFilter filter = new SessionFilter(appId, status == null ? null : SessionStatus.valueOf(status), meetingId,
        created[0], created[1], peak[0], peak[1], search);
    SessionOrder order = new SessionOrder(
        "minutesConsumed".equals(sortBy) ? SessionOrder.Key.MINUTES_CONSUMED : SessionOrder.Key.CREATED_AT,
        "ASC".equals(sortOrder));
    return new Sessions(filter, order, page);
  }

  /** {@code GET .../sessions/{id}/participants}. */
  public static ParticipantQuery participants(Params params) {
    Page page = page(params);
    String sortBy = params.oneOf("sort_by", List.of("joinedAt", "duration"));
    String sortOrder = params.oneOf("sort_order", ORDERS);
    String search = params.string("search", MAX_SEARCH_LENGTH);
    boolean peerEvents = params.bool("include_peer_events", false);
    String view = params.oneOf("view", List.of("raw", "consolidated"));
    return new ParticipantQuery(page.number(), page.size(),
        "duration".equals(sortBy) ? ParticipantQuery.SortBy.DURATION : ParticipantQuery.SortBy.JOINED_AT,
        !"DESC".equals(sortOrder), search, peerEvents, "consolidated".equals(view));
  }

  /** {@code GET .../apps}: newest first unless {@code sort_order=ASC}. */
  public record Apps(String search, boolean ascending, Page page) {}

  public static Apps apps(Params params) {
    Page page = page(params);
    String search = params.string("search", MAX_APP_SEARCH_LENGTH);
    return new Apps(search, "ASC".equals(params.oneOf("sort_order", ORDERS)), page);
  }

  /** {@code GET .../meetings}. */
  public record Meetings(MeetingFilter filter, Page page) {}

  public static Meetings meetings(String appId, Params params) {
    Page page = page(params);
    String search = params.string("search", MAX_SEARCH_LENGTH);
    String status = params.oneOf("status", List.of("ACTIVE", "INACTIVE"));
    Long[] created = createdRange(params);
    return new Meetings(new MeetingFilter(appId, search, status == null ? null : MeetingStatus.valueOf(status),
        created[0], created[1]), page);
  }

  /** {@code start_time} and {@code end_time}, inclusive; the start may not be after the end. */
  private static Long[] createdRange(Params params) {
    Long from = params.timestamp("start_time");
    Long to = params.timestamp("end_time");
    if (from != null && to != null && from > to) {
      throw ApiException.badRequest("start_time must not be after end_time, got start_time "
          + Params.quote(params.string("start_time")) + " and end_time " + Params.quote(params.string("end_time")));
    }
    return new Long[] {from, to};
  }

  /** {@code min:max}, {@code min:}, {@code :max} or {@code n}: an inclusive range of peak peers. */
  private static Integer[] participants(String value) {
    if (value == null) {
      return new Integer[] {null, null};
    }
    String rule = "participants must be min:max, min:, :max or n with non-negative integers";
    Matcher m = RANGE.matcher(value);
    if (!m.matches() || (m.group(1) == null && m.group(3) == null)) {
      throw ApiException.badRequest(rule + ", got " + Params.quote(value));
    }
    Integer min = m.group(1) == null ? null : Integer.valueOf(m.group(1));
    Integer max = m.group(3) == null ? null : Integer.valueOf(m.group(3));
    if (m.group(2) == null) {
      max = min; // "n": exactly n
    }
    if (min != null && max != null && min > max) {
      throw ApiException.badRequest("participants min must not exceed max, got " + Params.quote(value));
    }
    return new Integer[] {min, max};
  }
}
