package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.LongFunction;

/** The answer to {@code meetings().get}: one page of meetings ({@code data} is the array) and the paging figures. */
public final class MeetingGetResponse extends JsonModel implements Page<Meeting> {
  private final long pageNo;
  private final LongFunction<MeetingGetResponse> fetchPage;

  /**
   * Builds the answer for one page (see {@link SessionGetSessionsResponse#of}).
   *
   * @param raw the answer's JSON
   * @param pageNo the page this is (1-based)
   * @param fetchPage fetches another page by number
   * @return the typed answer
   */
  public static MeetingGetResponse of(JsonNode raw, long pageNo, LongFunction<MeetingGetResponse> fetchPage) {
    return new MeetingGetResponse(raw, pageNo, fetchPage);
  }

  private MeetingGetResponse(JsonNode raw, long pageNo, LongFunction<MeetingGetResponse> fetchPage) {
    super(raw, "response");
    this.pageNo = pageNo;
    this.fetchPage = fetchPage;
  }

  /** @return {@code data}: the meetings on this page */
  public List<Meeting> meetings() {
    return list("data", Meeting::fromJson);
  }

  /** @return {@code paging}: total count and this page's offsets */
  public Paging paging() {
    return Paging.fromJson(requiredField("paging"));
  }

  /** @return the page number this answer is for */
  public long pageNo() {
    return pageNo;
  }

  @Override
  public List<Meeting> items() {
    return meetings();
  }

  @Override
  public boolean hasNextPage() {
    return Pages.hasNext(meetings(), field("paging").map(Paging::fromJson));
  }

  @Override
  public MeetingGetResponse nextPage() {
    return Pages.next(hasNextPage(), pageNo, fetchPage);
  }
}
