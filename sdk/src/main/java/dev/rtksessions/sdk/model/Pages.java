package dev.rtksessions.sdk.model;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.LongFunction;

/** The paging rule shared by the list answers. */
final class Pages {
  private Pages() {}

  /**
   * Another page is worth fetching unless this one is empty or already reaches the total.
   * Without paging figures (older Cloudflare answers had none) only an empty page ends it.
   */
  static boolean hasNext(List<?> items, Optional<Paging> paging) {
    return !items.isEmpty() && paging.map(p -> p.endOffset() < p.totalCount()).orElse(true);
  }

  static <R> R next(boolean hasNext, long pageNo, LongFunction<R> fetchPage) {
    if (!hasNext) {
      throw new NoSuchElementException("page " + pageNo + " is the last page");
    }
    return fetchPage.apply(pageNo + 1);
  }
}
