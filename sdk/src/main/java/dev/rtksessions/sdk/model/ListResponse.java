package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.sdk.exception.InvalidResponseException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What every list answer shares: its items and paging figures, each read once, and the request
 * that fetches another page of it.
 *
 * @param <T> the item type
 * @param <R> the answer type, which {@link #nextPage()} returns
 */
public abstract class ListResponse<T, R extends ListResponse<T, R>> extends JsonModel implements Page<T> {
  private final long pageNo;
  private final LongFunction<R> fetchPage;
  private final Function<JsonFields, List<T>> readItems;

  ListResponse(JsonNode raw, long pageNo, LongFunction<R> fetchPage, Function<JsonFields, List<T>> readItems) {
    super(raw, "response");
    this.pageNo = pageNo;
    this.fetchPage = fetchPage;
    this.readItems = readItems;
  }

  @Override
  public List<T> items() {
    return fields.once("items", () -> readItems.apply(fields));
  }

  @Override
  public Paging paging() {
    return pagingIfAny().orElseThrow(() -> new InvalidResponseException(
        "the answer has no paging figures (neither paging nor data.paging)", null));
  }

  @Override
  public long pageNo() {
    return pageNo;
  }

  @Override
  public boolean hasNextPage() {
    return !items().isEmpty() && pagingIfAny().map(p -> p.endOffset() < p.totalCount()).orElse(true);
  }

  @Override
  public R nextPage() {
    if (!hasNextPage()) {
      throw new NoSuchElementException("page " + pageNo + " is the last page");
    }
    return fetchPage.apply(pageNo + 1);
  }

  /** Cloudflare's examples put participants' paging inside {@code data}; the other lists have it at the top. */
  private Optional<Paging> pagingIfAny() {
    return fields.once("paging", () -> {
      boolean inData = fields.hasObject("data") && fields.object("data").has("paging");
      JsonFields holder = inData ? fields.object("data") : fields;
      return holder.has("paging") ? Optional.of(holder.object("paging", Paging::new)) : Optional.empty();
    });
  }
}
