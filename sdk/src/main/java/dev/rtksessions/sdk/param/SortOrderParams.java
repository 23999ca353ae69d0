package dev.rtksessions.sdk.param;

import java.util.Optional;

/** What the params of the sortable lists (sessions, participants, apps) share: the sort direction. */
public sealed interface SortOrderParams
    permits SessionGetSessionsParams, SessionGetSessionParticipantsParams, AppGetParams {
  /** @return {@code sort_order}: ascending or descending, if set */
  default Optional<SortOrder> sortOrder() {
    return Params.get(this, Param.SORT_ORDER);
  }

  /**
   * Sets the sort direction.
   *
   * @param <B> the concrete builder, returned by the setter
   */
  sealed interface Builder<B>
      permits SessionGetSessionsParams.Builder, SessionGetSessionParticipantsParams.Builder, AppGetParams.Builder {
    /**
     * @param sortOrder ascending or descending, or {@link SortOrder#of(String)} for another value
     * @return this builder
     */
    default B sortOrder(SortOrder sortOrder) {
      return Params.set(this, Param.SORT_ORDER, sortOrder);
    }
  }
}
