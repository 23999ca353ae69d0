package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The answer to {@code getSessions}: one page of sessions ({@code data.sessions}) and the
 * paging figures. {@link #autoPager()} walks this page and all the following ones.
 */
public final class SessionGetSessionsResponse extends JsonModel implements Page<Session> {
  private final long pageNo;
  private final LongFunction<SessionGetSessionsResponse> fetchPage;

  /**
   * Builds the answer for one page. The client passes the page number it asked for and a
   * function that repeats its request for another page number.
   *
   * @param raw the answer's JSON
   * @param pageNo the page this is (1-based)
   * @param fetchPage fetches another page by number
   * @return the typed answer
   */
  public static SessionGetSessionsResponse of(JsonNode raw, long pageNo,
      LongFunction<SessionGetSessionsResponse> fetchPage) {
    return new SessionGetSessionsResponse(raw, pageNo, fetchPage);
  }

  private SessionGetSessionsResponse(JsonNode raw, long pageNo, LongFunction<SessionGetSessionsResponse> fetchPage) {
    super(raw, "response");
    this.pageNo = pageNo;
    this.fetchPage = fetchPage;
  }

  /** @return {@code data.sessions}: the top-level sessions on this page (breakout rooms are nested in them) */
  public List<Session> sessions() {
    return new DataObject(requiredField("data")).list("sessions", Session::fromJson);
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
  public List<Session> items() {
    return sessions();
  }

  @Override
  public boolean hasNextPage() {
    return Pages.hasNext(sessions(), field("paging").map(Paging::fromJson));
  }

  @Override
  public SessionGetSessionsResponse nextPage() {
    return Pages.next(hasNextPage(), pageNo, fetchPage);
  }
}
