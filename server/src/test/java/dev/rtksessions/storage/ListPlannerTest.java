package dev.rtksessions.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.model.SessionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which plans a list request gets, from the request and the store's facts alone (no database). */
class ListPlannerTest {
  private static final String APP = "app";
  private static final long DAY = SessionCounts.DAY_MS;
  private static final SessionOrder NEWEST = new SessionOrder(SessionOrder.Key.CREATED_AT, false);
  private static final SessionOrder BY_MINUTES = new SessionOrder(SessionOrder.Key.MINUTES_CONSUMED, false);
  private static final ListQuery.SearchMatch SEARCH = new ListQuery.SearchMatch("quokka", List.of("m1"), 12);

  private static SessionFilter filter() {
    return SessionFilter.all(APP);
  }

  private static ListPlan plan(SessionFilter f, SessionOrder order, long offset, ListQuery.Facts facts) {
    return ListPlanner.plan(new ListQuery(f, order, 20, offset, 0, facts));
  }

  private static ListPlan plan(SessionFilter f, long offset) {
    ListQuery.Facts facts = f.search() != null ? new ListQuery.Facts(null, null, SEARCH)
        : f.minPeak() != null || f.maxPeak() != null ? new ListQuery.Facts(1000L, 10L, null) : ListQuery.Facts.NONE;
    return plan(f, NEWEST, offset, facts);
  }

  private static SessionFilter search(String text) {
    return new SessionFilter(APP, null, null, null, null, null, null, text);
  }

  @Test
  void theUnfilteredListReadsItsFirstPagesAndTotalInOneStatementAndDeepPagesByDay() {
    assertThat(plan(filter(), 0)).isEqualTo(new ListPlan(new PagePlan.Head(), new CountPlan.WithPage(), true));
    assertThat(plan(filter(), ListPlanner.DEEP_OFFSET - 20).page()).isEqualTo(new PagePlan.Head());
    assertThat(plan(filter(), ListPlanner.DEEP_OFFSET))
        .isEqualTo(new ListPlan(new PagePlan.FromKey(true), new CountPlan.AppTotal(), true));
  }

  @Test
  void filteredPagesReadTheFilterIndexThenFromTheirKey() {
    SessionFilter live = filter().withStatus(SessionStatus.LIVE);
    assertThat(plan(live, 0)).isEqualTo(new ListPlan(new PagePlan.IndexRange(), new CountPlan.Matching(), true));
    assertThat(plan(live, ListPlanner.DEEP_OFFSET).page()).isEqualTo(new PagePlan.FromKey(false));
  }

  @Test
  void countsComeFromCountersWhereTheyAnswerTheFilter() {
    SessionFilter meeting = new SessionFilter(APP, null, "m1", null, null, null, null, null);
    assertThat(plan(meeting, 0).count()).isEqualTo(new CountPlan.MeetingTotal());
    SessionFilter peak = new SessionFilter(APP, null, null, null, null, 2, 5, null);
    assertThat(plan(peak, 0).count()).isEqualTo(new CountPlan.PeakBuckets());
    SessionFilter days = filter().withCreated(3 * DAY + 5, 9 * DAY - 7);
    assertThat(plan(days, 0).count()).isEqualTo(new CountPlan.DayBuckets(4, 7));
    assertThat(plan(search("quokka"), 0).count()).isEqualTo(new CountPlan.SearchCounters());
  }

  @Test
  void aRangeWithinOneDayIsCountedFromTheIndex() {
    assertThat(plan(filter().withCreated(3 * DAY + 5, 3 * DAY + 500), 0).count()).isEqualTo(new CountPlan.Matching());
  }

  @Test
  void mixedFiltersAreCountedFromTheIndexStatusIncluded() {
    SessionFilter mixed = new SessionFilter(APP, SessionStatus.ENDED, "m1", null, null, 2, null, null);
    assertThat(plan(mixed, 0).count()).isEqualTo(new CountPlan.Matching());
    SessionFilter searchAndMeeting = new SessionFilter(APP, null, "m1", null, null, null, null, "x");
    assertThat(plan(searchAndMeeting, 0).count()).isEqualTo(new CountPlan.Matching());
  }

  @Test
  void endedIsTheCountersLessTheLiveSessions() {
    assertThat(plan(filter().withStatus(SessionStatus.ENDED), 0).count())
        .isEqualTo(new CountPlan.AllButLive(new CountPlan.AppTotal()));
    SessionFilter endedSearch = new SessionFilter(APP, SessionStatus.ENDED, null, null, null, null, null, "x");
    assertThat(plan(endedSearch, 0).count()).isEqualTo(new CountPlan.AllButLive(new CountPlan.SearchCounters()));
  }

  @Test
  void aSearchPageMergesItsPartsWhateverTheOffset() {
    assertThat(plan(search("x"), 0).page()).isEqualTo(new PagePlan.SearchUnion());
    assertThat(plan(search("x"), 5000).page()).isEqualTo(new PagePlan.SearchUnion());
  }

  @Test
  void pagesByMinutesMergeSettledAndLiveSessionsForEveryFilter() {
    assertThat(plan(filter(), BY_MINUTES, 0, ListQuery.Facts.NONE))
        .isEqualTo(new ListPlan(new PagePlan.ByMinutes(), new CountPlan.AppTotal(), true));
    assertThat(plan(search("x"), BY_MINUTES, 3000, new ListQuery.Facts(null, null, SEARCH)).page())
        .isEqualTo(new PagePlan.ByMinutes());
  }

  @Test
  void aBroadParticipantsRangeIsReadInThePageOrderNotThroughThePeakIndex() {
    SessionFilter peak = new SessionFilter(APP, null, null, null, null, 1, null, null);
    assertThat(plan(peak, NEWEST, 0, new ListQuery.Facts(6400L, 99L, null)).peakIndexed()).isTrue();
    assertThat(plan(peak, NEWEST, 0, new ListQuery.Facts(6400L, 100L, null)).peakIndexed()).isFalse();
  }
}
