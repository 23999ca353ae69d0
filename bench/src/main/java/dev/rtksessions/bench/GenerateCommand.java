package dev.rtksessions.bench;

import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Dialect;
import dev.rtksessions.storage.Stores;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Fills a store with a realistic history, in bulk. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Fill a store (its data tables are emptied first) with a generated session history.")
final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--url", required = true, description = "jdbc:sqlite:FILE or jdbc:postgresql://...")
  String url;
  @Option(names = "--sessions", defaultValue = "5000000", description = "Top-level sessions of the main app.")
  long sessions;
  @Option(names = "--apps", defaultValue = "50", description = "Other apps.")
  int apps;
  @Option(names = "--other-sessions", defaultValue = "500000", description = "Sessions spread over the other apps.")
  long otherSessions;
  @Option(names = "--meetings", defaultValue = "100000", description = "Meetings in all (breakout rooms included).")
  int meetings;
  @Option(names = "--live", defaultValue = "1000", description = "Sessions of the main app LIVE at the end.")
  int live;
  @Option(names = "--breakout-parents", defaultValue = "500", description = "Meetings with breakout rooms.")
  int parents;
  @Option(names = "--days", defaultValue = "730", description = "Days of history.")
  int days;
  @Option(names = "--zipf", defaultValue = "0.8", description = "Zipf exponent of meeting popularity.")
  double zipf;
  @Option(names = "--seed", defaultValue = "42")
  long seed;
  @Option(names = "--end", description = "End of the history, epoch ms (default: now).")
  Long end;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    try (Database db = Database.open(url, 2)) {
      System.err.println("schema migrated: " + db.description());
    }
    History.Options o = new History.Options(sessions, apps, otherSessions, meetings, live, parents, days, zipf, seed,
        end != null ? end : System.currentTimeMillis());
    History h = new History(o);
    long t1;
    if (Dialect.forJdbcUrl(url) == Dialect.POSTGRESQL) {
      try (PgSink sink = new PgSink(url)) {
        h.run(sink);
        t1 = System.nanoTime();
        report(h, t0, t1, "generated and copied");
        sink.finish(System.err);
      }
    } else {
      try (SqliteSink sink = new SqliteSink(url)) {
        h.run(sink);
        t1 = System.nanoTime();
        report(h, t0, t1, "generated and inserted");
        sink.finish(System.err);
      }
    }
    long tCounts = System.nanoTime();
    try (Database db = Database.open(url, 2)) {
      db.write(c -> {
        Stores.on(db).counts().recount(c);
        return null;
      });
    }
    System.err.printf(Locale.ROOT, "  counters recounted in %.1f s%n", (System.nanoTime() - tCounts) / 1e9);
    if (Dialect.forJdbcUrl(url) == Dialect.POSTGRESQL) {
      PgSink.vacuum(url, System.err);
    }
    long t2 = System.nanoTime();
    System.out.printf(Locale.ROOT, "generate: %d meetings, %d top-level + %d breakout sessions, %d participants,"
        + " %d events; rows %.1f s, indexes+analyze %.1f s, total %.1f s (end=%d)%n", h.meetingCount, h.sessions,
        h.childSessions, h.participants, h.events, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9, o.endMillis());
    return 0;
  }

  private static void report(History h, long t0, long t1, String what) {
    System.err.printf(Locale.ROOT, "  %s in %.1f s%n", what, (t1 - t0) / 1e9);
  }
}
