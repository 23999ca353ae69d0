package dev.rtksessions.storage;

import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionStatus;
import dev.rtksessions.storage.Where.Condition;
import java.sql.SQLException;

/**
 * The ways a list's {@code total_count} is found; {@link ListPlanner} chooses one per request.
 * Where the maintained counters (see {@link SessionCounts}) answer a filter, they do; the others
 * count matching rows over the same index as the page.
 */
sealed interface CountPlan {

  /** How many top-level sessions {@code f} covers ({@code page}: the page already read). */
  long count(ListSql s, SessionFilter f, PagePlan.Rows page) throws SQLException;

  /** The page's own statement read the app's total (see {@link PagePlan.Head}). */
  record WithPage() implements CountPlan {
    @Override
    public long count(ListSql s, SessionFilter f, PagePlan.Rows page) throws SQLException {
      return page.total() != null ? page.total() : s.counts.ofApp(s.c, f.appId());
    }
  }

  /** The app's total counter. */
  record AppTotal() implements CountPlan {
    @Override
    public long count(ListSql s, SessionFilter f, PagePlan.Rows page) throws SQLException {
      return s.counts.ofApp(s.c, f.appId());
    }
  }

  /** The meeting's counter ({@code associated_id}). */
  record MeetingTotal() implements CountPlan {
    @Override
    public long count(ListSql s, SessionFilter f, PagePlan.Rows page) throws SQLException {
      return s.counts.ofMeeting(s.c, f.appId(), f.meetingId());
    }
  }

  /** The peak buckets of the participants range, summed when the request was planned. */
  record PeakBuckets() implements CountPlan {
    @Override
    public long count(ListSql s, SessionFilter f, PagePlan.Rows page) {
      return s.q.facts().inPeakRange();
    }
  }

  /**
   * A creation-time range: the whole UTC days in it from their day buckets, the partial days at
   * either edge counted from the index.
   */
  record DayBuckets(long firstDay, long lastDay) implements CountPlan {
    @Override
    public long count(ListSql s, SessionFilter f, PagePlan.Rows page) throws SQLException {
      long day = SessionCounts.DAY_MS;
      long total = s.counts.sum(s.c, f.appId(), SessionCounts.Dimension.CREATED_DAY, firstDay, lastDay);
      if (f.createdFrom() != null && f.createdFrom() < firstDay * day) {
        total += s.count(s.where(f.withCreated(f.createdFrom(), firstDay * day - 1)));
      }
      if (f.createdTo() != null && f.createdTo() >= (lastDay + 1) * day) {
        total += s.count(s.where(f.withCreated((lastDay + 1) * day, f.createdTo())));
      }
      return total;
    }
  }

  /**
   * A bare search: the matching meetings' counters (read with the meetings when the request was
   * planned), plus the sessions whose own id matches outside those meetings, from the index.
   */
  record SearchCounters() implements CountPlan {
    @Override
    public long count(ListSql s, SessionFilter f, PagePlan.Rows page) throws SQLException {
      Where base = s.where(f);
      long total = 0;
      for (Condition part : s.disjoint) {
        total += part.sessions() != null ? part.sessions() : s.count(base.and(part));
      }
      return total;
    }
  }

  /** Mixed filters, and LIVE: their matching rows counted over the page's index, status included. */
  record Matching() implements CountPlan {
    @Override
    public long count(ListSql s, SessionFilter f, PagePlan.Rows page) throws SQLException {
      return s.countMatching(s.where(f));
    }
  }

  /**
   * ENDED where counters answer the rest of the filter: that count less the LIVE sessions, which
   * are few (those with peers present or in their keep-alive) and counted from their index.
   */
  record AllButLive(CountPlan withoutStatus) implements CountPlan {
    @Override
    public long count(ListSql s, SessionFilter f, PagePlan.Rows page) throws SQLException {
      return withoutStatus.count(s, f.withStatus(null), page)
          - s.countMatching(s.where(f.withStatus(SessionStatus.LIVE)));
    }
  }
}
