package dev.rtksessions.sdk.param;

import java.util.Optional;

/**
 * What the params of the list calls (sessions, participants, apps, meetings) share: the page and
 * a search text. What {@code search} matches differs per call; see each params type.
 */
public sealed interface ListParams
    permits SessionGetSessionsParams, SessionGetSessionParticipantsParams, AppGetParams, MeetingGetParams {
  /**
   * @return {@code page_no}: the page to return, 1-based (0 also means the first page on this
   *     server), if set
   */
  default Optional<Long> pageNo() {
    return Params.get(this, Param.PAGE_NO);
  }

  /** @return {@code per_page}: items per page (this server: 1-200, default 20), if set */
  default Optional<Long> perPage() {
    return Params.get(this, Param.PER_PAGE);
  }

  /** @return {@code search}: the text to look for, if set */
  default Optional<String> search() {
    return Params.get(this, Param.SEARCH);
  }

  /**
   * Sets the page and the search text.
   *
   * @param <B> the concrete builder, returned by the setters
   */
  sealed interface Builder<B> permits SessionGetSessionsParams.Builder, SessionGetSessionParticipantsParams.Builder,
      AppGetParams.Builder, MeetingGetParams.Builder {
    /**
     * @param pageNo the page to return, 1-based (0 also means the first page on this server)
     * @return this builder
     */
    default B pageNo(long pageNo) {
      return Params.set(this, Param.PAGE_NO, pageNo);
    }

    /**
     * @param perPage items per page (this server: 1-200, default 20)
     * @return this builder
     */
    default B perPage(long perPage) {
      return Params.set(this, Param.PER_PAGE, perPage);
    }

    /**
     * @param search the text to look for (what it matches: see the params type); null for none
     * @return this builder
     */
    default B search(String search) {
      return Params.set(this, Param.SEARCH, search);
    }
  }
}
