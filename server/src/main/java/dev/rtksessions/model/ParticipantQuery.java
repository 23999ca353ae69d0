package dev.rtksessions.model;

/**
 * How to list a session's participants.
 *
 * @param search case-insensitive substring of the peer id, custom participant id or display name
 * @param consolidated add the same participant's time in the session's breakout rooms
 */
public record ParticipantQuery(
    int page, int perPage, SortBy sortBy, boolean ascending, String search, boolean includePeerEvents,
    boolean consolidated) {

  public enum SortBy { JOINED_AT, DURATION }

  public long offset() {
    return (long) (page - 1) * perPage;
  }
}
