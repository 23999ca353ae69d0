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

  public SessionFilter withStatus(SessionStatus s) {
    return new SessionFilter(appId, s, meetingId, createdFrom, createdTo, minPeak, maxPeak, search);
  }

  public SessionFilter withCreated(Long from, Long to) {
    return new SessionFilter(appId, status, meetingId, from, to, minPeak, maxPeak, search);
  }

  public boolean onlyStatus() {
    return meetingId == null && createdFrom == null && createdTo == null && minPeak == null && maxPeak == null
        && search == null;
  }
}
