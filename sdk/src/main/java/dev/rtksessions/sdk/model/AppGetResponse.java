package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.LongFunction;

/** The answer to {@code apps().get}: one page of apps ({@code data} is the array) and the paging figures. */
public final class AppGetResponse extends JsonModel implements Page<App> {
  private final long pageNo;
  private final LongFunction<AppGetResponse> fetchPage;

  /**
   * Builds the answer for one page (see {@link SessionGetSessionsResponse#of}).
   *
   * @param raw the answer's JSON
   * @param pageNo the page this is (1-based)
   * @param fetchPage fetches another page by number
   * @return the typed answer
   */
  public static AppGetResponse of(JsonNode raw, long pageNo, LongFunction<AppGetResponse> fetchPage) {
    return new AppGetResponse(raw, pageNo, fetchPage);
  }

  private AppGetResponse(JsonNode raw, long pageNo, LongFunction<AppGetResponse> fetchPage) {
    super(raw, "response");
    this.pageNo = pageNo;
    this.fetchPage = fetchPage;
  }

  /** @return {@code data}: the apps on this page */
  public List<App> apps() {
    return list("data", App::fromJson);
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
  public List<App> items() {
    return apps();
  }

  @Override
  public boolean hasNextPage() {
    return Pages.hasNext(apps(), field("paging").map(Paging::fromJson));
  }

  @Override
  public AppGetResponse nextPage() {
    return Pages.next(hasNextPage(), pageNo, fetchPage);
  }
}
