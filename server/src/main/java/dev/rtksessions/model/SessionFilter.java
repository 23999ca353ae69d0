package dev.rtksessions.model;


/**
 * Which top-level sessions of an app a list or count covers. Null fields do not filter.
 * Times are epoch milliseconds; ranges are inclusive.
 */
public record SessionFilter(
    String appId,
    SessionStatus status,
    String meetingId,
    Long createdFrom,
    Long createdTo,
    Integer minPeak,
    Integer maxPeak,
    String search) {

  public static SessionFilter all(String appId) {
    return new SessionFilter(appId, null, null, null, null, null, null, null);
  }

  public boolean onlyStatus() {
    return meetingId == null && createdFrom == null && createdTo == null && minPeak == null && maxPeak == null
        && search == null;
  }
}
