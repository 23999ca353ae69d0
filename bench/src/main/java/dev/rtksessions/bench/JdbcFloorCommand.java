package dev.rtksessions.bench;

import dev.rtksessions.engine.SessionReader;
import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The storage floor: the list endpoint's page query (SessionStore.page: the page and its count, as the
 * reader runs them) over JDBC in-process, at a given concurrency, with the server's pool size.
 */
@Command(name = "jdbc-floor", mixinStandardHelpOptions = true,
    description = "Run the default page query (list + count) directly over JDBC at a concurrency.")
final class JdbcFloorCommand implements Callable<Integer> {
  @Option(names = "--url", required = true)
  String url;
  @Option(names = "--app", defaultValue = History.MAIN_APP)
  String app;
  @Option(names = "--connections", defaultValue = "32", description = "Concurrent callers.")
  int threads;
  @Option(names = "--pool", defaultValue = "10", description = "JDBC pool size (the server's default is 10).")
  int pool;
  @Option(names = "--duration", defaultValue = "30")
  int duration;
  @Option(names = "--warmup", defaultValue = "10")
  int warmup;
  @Option(names = "--offset", defaultValue = "0")
  long offset;
  @Option(names = "--per-page", defaultValue = "20")
  int perPage;
  @Option(names = "--reader", description = "Run SessionReader.list (page + count + breakout rooms + titles)"
      + " instead of SessionList.page (page and count: one statement for the default list).")
  boolean reader;

  @Override
  public Integer call() throws Exception {
    try (Database db = Database.open(url, pool)) {
      Stores stores = Stores.on(db);
      SessionFilter filter = SessionFilter.all(app);
      SessionOrder order = new SessionOrder(SessionOrder.Key.CREATED_AT, false);
      run(stores, filter, order, warmup, "warmup");
      run(stores, filter, order, duration, reader ? "jdbc-floor (SessionReader.list)" : "jdbc-floor (SessionList.page)");
    }
    return 0;
  }

  private void run(Stores stores, SessionFilter filter, SessionOrder order, int seconds, String name)
      throws InterruptedException {
    SessionReader pageReader = new SessionReader(stores.database(), stores.sessionList(), stores.sessions(),
        stores.meetings(), stores.changes(), Clock.systemUTC(), 0);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong done = new AtomicLong();
    Histogram[] hs = new Histogram[threads];
    Thread[] ts = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      Histogram h = Stats.histogram();
      hs[i] = h;
      ts[i] = new Thread(() -> {
        while (!stop.get()) {
          long t0 = System.nanoTime();
          long now = System.currentTimeMillis();
          if (reader) {
            pageReader.list(filter, order, perPage, offset);
          } else {
            // As the reader does: one connection for the page's statements.
            stores.database().read(c -> stores.sessionList().page(c, filter, order, perPage, offset, now));
          }
          h.recordValue(System.nanoTime() - t0);
          done.incrementAndGet();
        }
      });
    }
    long start = System.nanoTime();
    for (Thread t : ts) {
      t.start();
    }
    Thread.sleep(seconds * 1000L);
    stop.set(true);
    long n = done.get();
    double secs = (System.nanoTime() - start) / 1e9;
    for (Thread t : ts) {
      t.join();
    }
    Histogram all = Stats.histogram();
    for (Histogram h : hs) {
      all.add(h);
    }
    System.out.println(Stats.line(name, n, secs, all));
  }
}
