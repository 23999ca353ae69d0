package dev.rtksessions.sdk.model;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The items of a page and of every page after it, fetched one page at a time as the
 * iteration (or stream) reaches them. Iteration stops after the page that reaches
 * {@code total_count}, or at the first empty page. Each new iteration starts again from the
 * first page, fetching the following pages again.
 *
 * <p>Pages are fetched by number, so sessions created while iterating a newest-first list
 * shift the pages: an item may be seen twice. Sort ascending by {@code createdAt} for a stable
 * walk over a growing list.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Page<T> first;

  /** @param first the page to start from */
  public AutoPager(Page<T> first) {
    this.first = first;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Page<T> page = first;
      private Iterator<T> items = first.items().iterator();

      @Override
      public boolean hasNext() {
        while (!items.hasNext()) {
          if (!page.hasNextPage()) {
            return false;
          }
          page = page.nextPage();
          items = page.items().iterator();
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return items.next();
      }
    };
  }

  /** @return the items as a sequential stream that fetches pages as it goes */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
  }
}
