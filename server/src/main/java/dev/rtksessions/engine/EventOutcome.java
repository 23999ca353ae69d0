package dev.rtksessions.engine;

/** What happened to one event of a batch. */
public record EventOutcome(String id, Status status, String message) {
  public enum Status {
    /** Recorded and reflected in the sessions. */
    APPLIED,
    /**
     * Recorded, but it waits for an event it needs (a leave for its join) before it changes
     * any session; then it counts as if delivered in order. Only for webhooks.
     */
    HELD,
    /** Its id was recorded before (or earlier in the batch): acknowledged, changes nothing. */
    DUPLICATE,
    /** Contradicts the recorded state; the whole batch was refused. */
    REJECTED,
    /** Valid, but not recorded because another event of the batch was refused. */
    NOT_APPLIED
  }

  static EventOutcome applied(String id) {
    return new EventOutcome(id, Status.APPLIED, null);
  }

  static EventOutcome held(String id, String message) {
    return new EventOutcome(id, Status.HELD, message);
  }

  static EventOutcome duplicate(String id) {
    return new EventOutcome(id, Status.DUPLICATE, null);
  }
}
