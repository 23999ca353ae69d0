package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The answer to {@code getSessionParticipants}: one page of participant rows
 * ({@code data.participants}). Paging figures sit inside {@code data} for this endpoint, as
 * Cloudflare's examples show; a top-level {@code paging} is read too.
 */
public final class SessionGetSessionParticipantsResponse extends JsonModel implements Page<SessionParticipant> {
  private final long pageNo;
  private final LongFunction<SessionGetSessionParticipantsResponse> fetchPage;

  /**
   * Builds the answer for one page (see {@link SessionGetSessionsResponse#of}).
   *
   * @param raw the answer's JSON
   * @param pageNo the page this is (1-based)
   * @param fetchPage fetches another page by number
   * @return the typed answer
   */
  public static SessionGetSessionParticipantsResponse of(JsonNode raw, long pageNo,
      LongFunction<SessionGetSessionParticipantsResponse> fetchPage) {
    return new SessionGetSessionParticipantsResponse(raw, pageNo, fetchPage);
  }

  private SessionGetSessionParticipantsResponse(JsonNode raw, long pageNo,
      LongFunction<SessionGetSessionParticipantsResponse> fetchPage) {
    super(raw, "response");
    this.pageNo = pageNo;
    this.fetchPage = fetchPage;
  }

  private DataObject data() {
    return new DataObject(requiredField("data"));
  }

  /** @return {@code data.participants}: one row per peer */
  public List<SessionParticipant> participants() {
    return data().list("participants", SessionParticipant::fromJson);
  }

  /**
   * @return {@code data.paging} (or a top-level {@code paging}); empty when the answer has
   *     none, which Cloudflare's schema allows
   */
  public Optional<Paging> paging() {
    return data().field("paging").or(() -> field("paging")).map(Paging::fromJson);
  }

  /** @return the page number this answer is for */
  public long pageNo() {
    return pageNo;
  }

  @Override
  public List<SessionParticipant> items() {
    return participants();
  }

  @Override
  public boolean hasNextPage() {
    return Pages.hasNext(participants(), paging());
  }

  @Override
  public SessionGetSessionParticipantsResponse nextPage() {
    return Pages.next(hasNextPage(), pageNo, fetchPage);
  }
}
