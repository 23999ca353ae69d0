package dev.rtksessions.engine;

import dev.rtksessions.model.EventType;
import dev.rtksessions.model.HeldEvent;
import dev.rtksessions.storage.HeldEventStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What operators see of webhook events that wait for an event they need (see {@link
 * HeldEvent}): how many wait, which, and a warning for each that waited longer than the report
 * limit. The engine holds and releases them; this only looks.
 */
public final class HeldEvents {
  private static final Logger log = LoggerFactory.getLogger(HeldEvents.class);
  private static final int REPORT_BATCH = 100;

  private final HeldEventStore store;
  private final Clock clock;
  private final Duration reportAfter;

  public HeldEvents(HeldEventStore store, Clock clock, Duration reportAfter) {
    this.store = store;
    this.clock = clock;
    this.reportAfter = reportAfter;
  }

  /** How many wait now, and how many of those longer than the report limit. */
  public HeldEvent.Tally tally() {
    return store.tally(overdueBefore());
  }

  /** The longest-waiting events, of one app or (with null) of all. */
  public List<HeldEvent> oldest(String appId, int limit) {
    return store.oldest(appId, limit);
  }

  public Duration reportAfter() {
    return reportAfter;
  }

  /**
   * Logs a warning for each event that has waited longer than the report limit and was not
   * reported yet (by this or another process sharing the store); returns how many.
   */
  public int reportOverdue() {
    int reported = 0;
    List<HeldEvent> due;
    do {
      due = store.claimOverdue(overdueBefore(), clock.millis(), REPORT_BATCH);
      for (HeldEvent h : due) {
        log.warn("webhook event {} of app {} ({} in meeting {}{} at {}) has waited since {} for the {} it needs;"
            + " it counts as soon as that arrives (list them with: rtk-sessions held-events)", h.eventId(),
            h.appId(), h.type().wire(), h.meetingId(), h.peerId() == null ? "" : ", peer " + h.peerId(),
            Instant.ofEpochMilli(h.at()), Instant.ofEpochMilli(h.receivedAt()),
            h.type() == EventType.LEFT ? "join of its peer" : "first join of its session");
      }
      reported += due.size();
    } while (due.size() == REPORT_BATCH);
    return reported;
  }

  private long overdueBefore() {
    return clock.millis() - reportAfter.toMillis();
  }
}
