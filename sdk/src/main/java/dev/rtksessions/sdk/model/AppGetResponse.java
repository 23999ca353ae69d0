package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The answer to {@code apps().get}: one page of apps ({@code data} is the array) and the paging figures.
 */
public final class AppGetResponse extends ListResponse<App, AppGetResponse> {
  /**
   * Builds the answer for one page. The client passes the page number it asked for and a
   * function that repeats its request for another page number.
   *
   * @param raw the answer's JSON (copied)
   * @param pageNo the page this is (1-based)
   * @param fetchPage fetches another page by number
   * @return the typed answer
   */
  public static AppGetResponse of(JsonNode raw, long pageNo, LongFunction<AppGetResponse> fetchPage) {
    return new AppGetResponse(copied(raw), pageNo, fetchPage);
  }

  private AppGetResponse(JsonNode raw, long pageNo, LongFunction<AppGetResponse> fetchPage) {
    super(raw, pageNo, fetchPage, answer -> answer.list("data", App::new));
  }

  /** @return {@code data}: the apps on this page */
  public List<App> apps() {
    return items();
  }
}
