package dev.rtksessions.api;

/** Paging figures: 1-based positions of the first and last item of the page, 0 and 0 when empty. */
public record Paging(long totalCount, long startOffset, long endOffset) {
  public static Paging of(long total, long offset, int itemsOnPage) {
    if (itemsOnPage == 0) {
      return new Paging(total, 0, 0);
    }
    return new Paging(total, offset + 1, offset + itemsOnPage);
  }
}
