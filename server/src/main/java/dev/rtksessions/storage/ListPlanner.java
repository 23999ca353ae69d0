package dev.rtksessions.storage;

import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.model.SessionStatus;

/**
 * Chooses how a list request is read: one page plan and one count plan, from the request and
 * the facts the store gave about it, without touching the database. The choices follow the
 * table "Which plan serves which request" in docs/design.md.
 */
final class ListPlanner {
  /** From this offset on, a page by creation time is read from its key rather than with OFFSET. */
  static final long DEEP_OFFSET = 1000;
  /**
   * A search names up to this many matching meetings in its statements, as one bound list;
   * beyond, it matches them with a subquery (such a text matches most meetings, and the page's
   * own index finds its sessions at once).
   */
  static final int MAX_NAMED_MEETINGS = 20_000;
  /**
   * A participants range holding under this share of the app's sessions (by the counters) is
   * read through the peak index; a broader one in the page's order, skipping the others.
   */
  static final int BROAD_PEAK_DIVISOR = 64;

  private ListPlanner() {}

  static ListPlan plan(ListQuery q) {
    PagePlan page = page(q);
    return new ListPlan(page, count(q, page), peakIndexed(q.facts()));
  }

  static PagePlan page(ListQuery q) {
    if (q.order().key() == SessionOrder.Key.MINUTES_CONSUMED) {
      return new PagePlan.ByMinutes();
    }
    if (q.filter().search() != null) {
      return new PagePlan.SearchUnion();
    }
    if (q.offset() < DEEP_OFFSET) {
      return q.unfiltered() ? new PagePlan.Head() : new PagePlan.IndexRange();
    }
    return new PagePlan.FromKey(q.unfiltered());
  }

  static CountPlan count(ListQuery q, PagePlan page) {
    if (page instanceof PagePlan.Head) {
      return new CountPlan.WithPage();
    }
    SessionStatus status = q.filter().status();
    CountPlan withoutStatus = status == SessionStatus.LIVE ? null : fromCounters(q.filter());
    if (withoutStatus == null) {
      return new CountPlan.Matching();
    }
    return status == SessionStatus.ENDED ? new CountPlan.AllButLive(withoutStatus) : withoutStatus;
  }

  /** The counters that answer a filter, its status left aside; null where none do. */
  static CountPlan fromCounters(SessionFilter f) {
    boolean created = f.createdFrom() != null || f.createdTo() != null;
    boolean peak = f.minPeak() != null || f.maxPeak() != null;
    boolean meeting = f.meetingId() != null;
    if (f.search() != null) {
      return created || peak || meeting ? null : new CountPlan.SearchCounters();
    }
    if (!created && !peak && !meeting) {
      return new CountPlan.AppTotal();
    }
    if (meeting && !created && !peak) {
      return new CountPlan.MeetingTotal();
    }
    if (peak && !created && !meeting) {
      return new CountPlan.PeakBuckets();
    }
    if (created && !peak && !meeting) {
      // Whole days from their counters; the partial days at either edge from the index.
      long day = SessionCounts.DAY_MS;
      long firstDay = f.createdFrom() == null ? Long.MIN_VALUE / day : -Math.floorDiv(-f.createdFrom(), day);
      long lastDay = f.createdTo() == null ? Long.MAX_VALUE / day - 1 : Math.floorDiv(f.createdTo() + 1, day) - 1;
      return firstDay <= lastDay ? new CountPlan.DayBuckets(firstDay, lastDay) : null;
    }
    return null;
  }

  /**
   * Whether a participants range goes through the peak index: only when it holds under
   * 1/{@value #BROAD_PEAK_DIVISOR} of the app. SQLite, without statistics for ranges, took the
   * peak index for a range holding a twentieth of the app and sorted all of it for each page.
   */
  static boolean peakIndexed(ListQuery.Facts facts) {
    return facts.inPeakRange() == null || facts.inPeakRange() * BROAD_PEAK_DIVISOR < facts.appSessions();
  }
}
