package dev.rtksessions.storage;

/** The store failed for reasons outside the request: unreachable, full, or broken. */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
