package dev.rtksessions.sdk.exception;

/**
 * A success answer the SDK cannot read: not JSON, or a field the SDK needs is missing or of
 * the wrong type. Raised when the field is read, so the rest of an answer stays usable, and
 * every model's {@code raw()} still shows what arrived.
 */
public class InvalidResponseException extends RealtimeKitException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what could not be read, and where
   * @param cause the parse failure, or null
   */
  public InvalidResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
