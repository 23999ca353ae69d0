package dev.rtksessions.engine;

import dev.rtksessions.model.HeldEvent;
import dev.rtksessions.storage.Database;

/** Whether the service can do its work now: the store answers; and what waits (held events). */
public final class Health {
  private final Database db;
  private final HeldEvents held;

  public Health(Database db, HeldEvents held) {
    this.db = db;
    this.held = held;
  }

  /**
   * @param store where the data lives, for humans (no password)
   * @param held the webhook events that wait for an event they need; null when the store is out of reach
   * @param heldReportAfterSeconds how long one may wait before it is reported
   */
  public record Status(boolean storeReachable, String store, HeldEvent.Tally held, long heldReportAfterSeconds) {}

  public Status check() {
    if (!db.isReachable()) {
      return new Status(false, db.description(), null, held.reportAfter().toSeconds());
    }
    return new Status(true, db.description(), held.tally(), held.reportAfter().toSeconds());
  }
}
