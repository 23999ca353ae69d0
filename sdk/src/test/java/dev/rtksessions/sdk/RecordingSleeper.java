package dev.rtksessions.sdk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sleeper that records each delay and returns at once, so retry tests neither wait nor time. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> delays = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration delay) {
    delays.add(delay);
  }

  List<Duration> delays() {
    return delays;
  }
}
