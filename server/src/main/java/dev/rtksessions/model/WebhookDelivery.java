package dev.rtksessions.model;

/** A recorded webhook delivery and what came of it. Times are epoch milliseconds. */
public record WebhookDelivery(
    String appId, String id, String event, Outcome outcome, String detail, long receivedAt) {

  public enum Outcome {
    /** Changed the recorded state (or confirmed it, for a meeting that existed). */
    APPLIED,
    /**
     * Its participant event is recorded but waits for an event it needs (a leave for its join),
     * listed in {@code held_events} until that arrives.
     */
    HELD,
    /** Its participant event had been recorded before (an earlier attempt that was cut short). */
    DUPLICATE,
    /** An event this service does not use. */
    IGNORED,
    /** Contradicted the recorded state (a leave of a peer that never joined): changed nothing. */
    REJECTED
  }
}
