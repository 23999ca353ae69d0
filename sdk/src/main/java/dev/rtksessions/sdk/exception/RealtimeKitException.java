package dev.rtksessions.sdk.exception;

/**
 * The base of every failure the SDK reports. Unchecked, so calls compose with streams and the
 * auto-pager; catch this to handle all of them, or one of the subclasses for a single kind:
 * {@link ApiException} (the API answered with an error status), {@link ApiConnectionException}
 * (no answer at all, including {@link ApiTimeoutException}), {@link InvalidResponseException}
 * (a success answer the SDK cannot read).
 */
public class RealtimeKitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed
   * @param cause the underlying failure, or null
   */
  public RealtimeKitException(String message, Throwable cause) {
    super(message, cause);
  }
}
