package dev.rtksessions.engine;

/**
 * An id the caller chose is already taken: a meeting id when creating a meeting, or a
 * session id an event names that is another session's. Nothing was recorded.
 */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message, Throwable cause) {
    super(message, cause);
  }
}
