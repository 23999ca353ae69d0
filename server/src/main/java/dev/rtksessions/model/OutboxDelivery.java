package dev.rtksessions.model;

/**
 * One webhook delivery to send, or sent (the outbox). Times are epoch milliseconds.
 *
 * @param seq its place in the order of the outbox (deliveries of one webhook and meeting are sent
 *     in this order)
 * @param id the delivery id, sent as {@code rtk-uuid} on every attempt
 * @param attempts how many times it was handed to a sender so far
 * @param nextAttemptAt when a pending delivery is due
 * @param lastStatus the HTTP status of the last attempt; null when it got none (refused, timed
 *     out) or was not tried yet
 * @param lastError why the last attempt failed; null after a success
 */
public record OutboxDelivery(
    long seq, String id, String appId, String webhookId, String meetingId, String event, String payload,
    Status status, int attempts, long nextAttemptAt, Integer lastStatus, String lastError, long createdAt,
    long updatedAt) {

  public enum Status {
    /** Waiting for its next attempt (or being sent). */
    PENDING,
    /** The receiver answered 2xx. */
    SENT,
    /** Every attempt of the retry schedule failed. */
    FAILED
  }
}
