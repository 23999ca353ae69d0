package dev.rtksessions.sdk;

import java.time.Duration;

/**
 * Waits before a retry. The client sleeps on the calling thread; a test can pass one that
 * records the delays instead of waiting them out
 * ({@link RealtimeKitClient.Builder#sleeper(Sleeper)}).
 */
@FunctionalInterface
public interface Sleeper {
  /** Blocks the calling thread for the delay. */
  Sleeper THREAD_SLEEP = delay -> Thread.sleep(delay.toMillis());

  /**
   * @param delay how long to wait
   * @throws InterruptedException if the thread is interrupted while waiting
   */
  void sleep(Duration delay) throws InterruptedException;
}
