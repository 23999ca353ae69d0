package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The answer to {@code meetings().get}: one page of meetings ({@code data} is the array) and the
 * paging figures.
 */
public final class MeetingGetResponse extends ListResponse<Meeting, MeetingGetResponse> {
  /**
   * Builds the answer for one page. The client passes the page number it asked for and a
   * function that repeats its request for another page number.
   *
   * @param raw the answer's JSON (copied)
   * @param pageNo the page this is (1-based)
   * @param fetchPage fetches another page by number
   * @return the typed answer
   */
  public static MeetingGetResponse of(JsonNode raw, long pageNo, LongFunction<MeetingGetResponse> fetchPage) {
    return new MeetingGetResponse(copied(raw), pageNo, fetchPage);
  }

  private MeetingGetResponse(JsonNode raw, long pageNo, LongFunction<MeetingGetResponse> fetchPage) {
    super(raw, pageNo, fetchPage, answer -> answer.list("data", Meeting::new));
  }

  /** @return {@code data}: the meetings on this page */
  public List<Meeting> meetings() {
    return items();
  }
}
