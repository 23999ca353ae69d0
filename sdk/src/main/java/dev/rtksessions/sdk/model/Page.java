package dev.rtksessions.sdk.model;

import java.util.List;

/**
 * One page of a list answer, which knows how to fetch the page after it. Every list answer
 * (sessions, participants, apps, meetings) is one.
 *
 * @param <T> the item type
 */
public interface Page<T> {
  /** @return the items on this page, in the order the API gave them */
  List<T> items();

  /**
   * The paging figures, wherever the answer carries them ({@code paging}, or {@code data.paging}
   * as Cloudflare's participants examples show).
   *
   * @return total count and this page's offsets
   * @throws dev.rtksessions.sdk.exception.InvalidResponseException if the answer has none (which
   *     Cloudflare's schema allows for participants; {@link #hasNextPage()} then pages on until
   *     an empty page) or they are malformed
   */
  Paging paging();

  /** @return the page number this answer is for (1-based) */
  long pageNo();

  /**
   * Whether another page may hold more items: false once this page is empty or reaches
   * {@code total_count} ({@code end_offset >= total_count}). Without paging figures only an
   * empty page ends the walk.
   *
   * @return true if {@link #nextPage()} should be called
   */
  boolean hasNextPage();

  /**
   * Fetches the following page ({@code page_no} + 1) with the same parameters and options.
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
