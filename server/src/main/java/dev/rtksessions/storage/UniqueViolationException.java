package dev.rtksessions.storage;

/** A write collided with a row that already exists under the same key. */
public class UniqueViolationException extends StorageException {
  public UniqueViolationException(String message, Throwable cause) {
    super(message, cause);
  }
}
