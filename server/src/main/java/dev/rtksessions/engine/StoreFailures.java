package dev.rtksessions.engine;

import dev.rtksessions.storage.StorageUnavailableException;

/**
 * What callers of the engine need to know of a failure that came from the store: only whether
 * the store could not be reached (a passing outage: answer "try again later"). Every other
 * failure is a bug.
 */
public final class StoreFailures {
  private StoreFailures() {}

  public static boolean isUnavailable(Throwable e) {
    return e instanceof StorageUnavailableException;
  }
}
