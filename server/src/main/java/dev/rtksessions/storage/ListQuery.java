package dev.rtksessions.storage;

import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import java.util.List;

/**
 * One request of the sessions list, built once: what it asks (filter, order, page) and the
 * facts about the store that decide how to read it. {@link ListPlanner} chooses the plans from
 * this alone.
 *
 * @param now the read instant (status, and minutes of sessions with peers present, depend on it)
 */
record ListQuery(SessionFilter filter, SessionOrder order, int limit, long offset, long now, Facts facts) {

  /**
   * What the store says about the request before it is planned, read only where it matters.
   *
   * @param appSessions the app's number of top-level sessions; null when not read (no
   *     participants range)
   * @param inPeakRange how many of them have a peak in the participants range (the peak
   *     counters); null without a range
   * @param search the meetings a search text matches; null without a search
   */
  record Facts(Long appSessions, Long inPeakRange, SearchMatch search) {
    static final Facts NONE = new Facts(null, null, null);
  }

  /**
   * The meetings whose title or id hold the (lower-cased) search text.
   *
   * @param meetingIds them, or null when more than {@link ListPlanner#MAX_NAMED_MEETINGS} match
   *     (they are then matched by a subquery)
   * @param meetingSessions their top-level sessions, by their counters
   */
  record SearchMatch(String text, List<String> meetingIds, long meetingSessions) {
    boolean named() {
      return meetingIds != null;
    }
  }

  /** True for the list without any filter. */
  boolean unfiltered() {
    return filter.onlyStatus() && filter.status() == null;
  }
}
