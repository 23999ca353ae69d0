package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The paging figures of a list answer: how many items match in all, and the 1-based
 * positions of the first and last item on this page (both 0 on an empty page).
 */
public final class Paging extends JsonModel {
  /**
   * @param raw the {@code paging} object of an answer
   * @return its typed view
   */
  public static Paging fromJson(JsonNode raw) {
    return new Paging(raw);
  }

  private Paging(JsonNode raw) {
    super(raw, "paging");
  }

  /** @return {@code total_count}: the number of items matching the request, over all pages */
  public long totalCount() {
    return longInteger("total_count");
  }

  /** @return {@code start_offset}: the 1-based position of this page's first item, 0 if empty */
  public long startOffset() {
    return longInteger("start_offset");
  }

  /** @return {@code end_offset}: the 1-based position of this page's last item, 0 if empty */
  public long endOffset() {
    return longInteger("end_offset");
  }
}
