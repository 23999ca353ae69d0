package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The answer to {@code getSessions}: one page of sessions ({@code data.sessions}) and the
 * paging figures. {@link #autoPager()} walks this page and all the following ones.
 */
public final class SessionGetSessionsResponse extends ListResponse<Session, SessionGetSessionsResponse> {
  /**
   * Builds the answer for one page. The client passes the page number it asked for and a
   * function that repeats its request for another page number.
   *
   * @param raw the answer's JSON (copied)
   * @param pageNo the page this is (1-based)
   * @param fetchPage fetches another page by number
   * @return the typed answer
   */
  public static SessionGetSessionsResponse of(JsonNode raw, long pageNo,
      LongFunction<SessionGetSessionsResponse> fetchPage) {
    return new SessionGetSessionsResponse(copied(raw), pageNo, fetchPage);
  }

  private SessionGetSessionsResponse(JsonNode raw, long pageNo, LongFunction<SessionGetSessionsResponse> fetchPage) {
    super(raw, pageNo, fetchPage,
        answer -> answer.object("data").list("sessions", Session::new));
  }

  /** @return {@code data.sessions}: the top-level sessions on this page (breakout rooms are nested in them) */
  public List<Session> sessions() {
    return items();
  }
}
