package dev.rtksessions.sdk.model;

import java.util.List;

/**
 * One page of a list answer, which knows how to fetch the page after it.
 *
 * @param <T> the item type
 */
public interface Page<T> {
  /** @return the items on this page, in the order the API gave them */
  List<T> items();

  /**
   * Whether another page may hold more items: false once this page is empty or reaches
   * {@code total_count} ({@code end_offset >= total_count}).
   *
   * @return true if {@link #nextPage()} should be called
   */
  boolean hasNextPage();

  /**
   * Fetches the following page ({@code page_no} + 1) with the same parameters.
   *
   * @return the next page
   * @throws java.util.NoSuchElementException if {@link #hasNextPage()} is false
   * @throws dev.rtksessions.sdk.exception.RealtimeKitException if the request fails
   */
  Page<T> nextPage();

  /**
   * Every item from this page on, fetching further pages as the iteration reaches them.
   *
   * @return a lazily paging view
   */
  default AutoPager<T> autoPager() {
    return new AutoPager<>(this);
  }
}
