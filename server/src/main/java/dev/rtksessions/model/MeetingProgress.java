package dev.rtksessions.model;

import java.util.Comparator;

/**
 * Where a meeting's event history stands: its latest session, and the last event applied in
 * the engine's order (time, kind, id). Null fields: nothing applied yet.
 */
public record MeetingProgress(String meetingId, String currentSessionId, Long lastAt, Integer lastRank,
    String lastId) {

  /** The engine's order of events, as (time, kind, id). */
  public static final Comparator<ParticipantEvent> EVENT_ORDER = Comparator.comparingLong(ParticipantEvent::at)
      .thenComparing(ParticipantEvent::type)
      .thenComparing(ParticipantEvent::id);

  public static MeetingProgress none(String meetingId) {
    return new MeetingProgress(meetingId, null, null, null, null);
  }

  /** True when {@code e} comes after every event applied so far. */
  public boolean isBefore(ParticipantEvent e) {
    if (lastAt == null) {
      return true;
    }
    if (e.at() != lastAt) {
      return e.at() > lastAt;
    }
    if (e.type().ordinal() != lastRank) {
      return e.type().ordinal() > lastRank;
    }
    return e.id().compareTo(lastId) > 0;
  }

  /** Progress after applying {@code last} (the greatest new event) with the given latest session. */
  public MeetingProgress advancedTo(ParticipantEvent last, String latestSessionId) {
    boolean newer = isBefore(last);
    return new MeetingProgress(meetingId, latestSessionId, newer ? last.at() : lastAt,
        newer ? last.type().ordinal() : lastRank, newer ? last.id() : lastId);
  }
}
