package dev.rtksessions.api;

import dev.rtksessions.model.SessionStatus;
import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The query of {@code GET .../sessions}, validated as the wire contract (§2) says. */
public record ListSessionsRequest(SessionFilter filter, SessionOrder order, int page, int perPage) {
  public static final int DEFAULT_PER_PAGE = 20;
  public static final int MAX_PER_PAGE = 200;
  public static final int MAX_SEARCH_LENGTH = 255;
  private static final Pattern RANGE = Pattern.compile("(\\d{1,9})?(:)?(\\d{1,9})?");

  public static ListSessionsRequest parse(String appId, Params params) {
    int page = Math.max(1, params.integer("page_no", 0, Integer.MAX_VALUE, 1));
    int perPage = params.integer("per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
    String sortBy = params.oneOf("sort_by", List.of("createdAt", "minutesConsumed"));
    String sortOrder = params.oneOf("sort_order", List.of("ASC", "DESC"));
    String status = params.oneOf("status", List.of("LIVE", "ENDED"));
    String meetingId = params.string("associated_id");
    if (meetingId != null) {
      Ids.entityId("associated_id", meetingId);
    }
    Long from = params.timestamp("start_time");
    Long to = params.timestamp("end_time");
    if (from != null && to != null && from > to) {
      throw ApiException.badRequest("start_time must not be after end_time, got start_time "
          + Params.quote(params.string("start_time")) + " and end_time " + Params.quote(params.string("end_time")));
    }
    Integer[] peak = participants(params.string("participants"));
    String search = params.string("search", MAX_SEARCH_LENGTH);

    SessionFilter filter = new SessionFilter(appId, status == null ? null : SessionStatus.valueOf(status), meetingId,
        from, to, peak[0], peak[1], search);
    SessionOrder order = new SessionOrder(
        "minutesConsumed".equals(sortBy) ? SessionOrder.Key.MINUTES_CONSUMED : SessionOrder.Key.CREATED_AT,
        "ASC".equals(sortOrder));
    return new ListSessionsRequest(filter, order, page, perPage);
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

  public long offset() {
    return (long) (page - 1) * perPage;
  }
}
