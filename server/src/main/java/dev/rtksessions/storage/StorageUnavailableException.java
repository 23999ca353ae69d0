package dev.rtksessions.storage;

/** The store cannot be reached right now; the request may succeed if retried later. */
public class StorageUnavailableException extends StorageException {
  public StorageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
