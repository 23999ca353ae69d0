package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The answer to {@code getSessionParticipants}: one page of participant rows
 * ({@code data.participants}) and the paging figures.
 */
public final class SessionGetSessionParticipantsResponse
    extends ListResponse<SessionParticipant, SessionGetSessionParticipantsResponse> {
  /**
   * Builds the answer for one page. The client passes the page number it asked for and a
   * function that repeats its request for another page number.
   *
   * @param raw the answer's JSON (copied)
   * @param pageNo the page this is (1-based)
   * @param fetchPage fetches another page by number
   * @return the typed answer
   */
  public static SessionGetSessionParticipantsResponse of(JsonNode raw, long pageNo,
      LongFunction<SessionGetSessionParticipantsResponse> fetchPage) {
    return new SessionGetSessionParticipantsResponse(copied(raw), pageNo, fetchPage);
  }

  private SessionGetSessionParticipantsResponse(JsonNode raw, long pageNo,
      LongFunction<SessionGetSessionParticipantsResponse> fetchPage) {
    super(raw, pageNo, fetchPage,
        answer -> answer.object("data").list("participants", SessionParticipant::new));
  }

  /** @return {@code data.participants}: one row per peer */
  public List<SessionParticipant> participants() {
    return items();
  }
}
