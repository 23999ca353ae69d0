package dev.rtksessions.demo;

import dev.rtksessions.engine.Catalog;
import dev.rtksessions.engine.SessionEngine;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.storage.Stores;
import java.util.Comparator;
import java.util.List;

/**
 * Seeds the demo account and app of {@code serve --demo} with about six weeks of sessions.
 * The history goes in as participant events through the session engine, the same path as
 * the events API, so every figure the demo shows is one the engine derived; no session is
 * written directly.
 */
public final class DemoSeeder {
  public static final String ACCOUNT_ID = "demo-account";
  public static final String APP_ID = "5e1f2a9c-7b3d-4c8e-9f10-2a3b4c5d6e7f";
  private static final String APP_NAME = "RealtimeKit demo";
  /** The events API's batch limit (spec §6). */
  private static final int BATCH = 1000;

  /** What {@link #seed} left: the demo app and its number of top-level sessions. */
  public record Result(String accountId, String appId, long sessions, boolean seededNow) {}

  private final Catalog catalog;
  private final SessionEngine engine;
  private final Stores stores;

  public DemoSeeder(Catalog catalog, SessionEngine engine, Stores stores) {
    this.catalog = catalog;
    this.engine = engine;
    this.stores = stores;
  }

  /** Creates the demo app and its history, unless the app already has sessions. */
  public Result seed() {
    catalog.ensureApp(ACCOUNT_ID, APP_ID, APP_NAME);
    long existing = sessions();
    if (existing > 0) {
      return new Result(ACCOUNT_ID, APP_ID, existing, false);
    }
    List<ParticipantEvent> events = new DemoHistory(catalog.now()).events();
    // In time order every batch extends the sessions at their end: the engine's cheap path.
    events.sort(Comparator.comparingLong(ParticipantEvent::at));
    for (int from = 0; from < events.size(); from += BATCH) {
      engine.ingest(APP_ID, events.subList(from, Math.min(events.size(), from + BATCH)));
    }
    return new Result(ACCOUNT_ID, APP_ID, sessions(), true);
  }

  private long sessions() {
    return stores.database().read(c -> stores.counts().ofApp(c, APP_ID));
  }
}
