package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The paging figures of a list answer: how many items match in all, and the 1-based
 * positions of the first and last item on this page (both 0 on an empty page). Every list
 * answer has them at {@link Page#paging()}.
 */
public final class Paging extends JsonModel {
  /**
   * @param raw the {@code paging} object of an answer (copied)
   * @return its typed model
   */
  public static Paging fromJson(JsonNode raw) {
    return new Paging(copied(raw));
  }

  Paging(JsonNode raw) {
    super(raw, "paging");
  }

  /** @return {@code total_count}: the number of items matching the request, over all pages */
  public long totalCount() {
    return fields.longInteger("total_count");
  }

  /** @return {@code start_offset}: the 1-based position of this page's first item, 0 if empty */
  public long startOffset() {
    return fields.longInteger("start_offset");
  }

  /** @return {@code end_offset}: the 1-based position of this page's last item, 0 if empty */
  public long endOffset() {
    return fields.longInteger("end_offset");
  }
}
