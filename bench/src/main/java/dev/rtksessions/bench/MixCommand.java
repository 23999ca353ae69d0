package dev.rtksessions.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The randomized read mix (see {@link ReadMix}): closed-loop with {@code --connections} users
 * each asking as soon as their last answer came, or open-loop at {@code --rate} requests/s with
 * latency counted from when each request was due. Prints the whole mix and each kind in it.
 */
@Command(name = "mix", mixinStandardHelpOptions = true,
    description = "Ask the session list many different questions, as its users do; report the mix and each kind.")
final class MixCommand implements Callable<Integer> {
  @Option(names = "--base", defaultValue = "http://127.0.0.1:8787/client/v4")
  String base;
  @Option(names = "--token", required = true)
  String token;
  @Option(names = "--account", defaultValue = History.ACCOUNT)
  String account;
  @Option(names = "--connections", defaultValue = "32", description = "Users asking back to back (closed loop).")
  int connections;
  @Option(names = "--rate", defaultValue = "0", description = "Requests/s, open loop (0: closed loop).")
  int rate;
  @Option(names = "--kind", description = "One kind alone: ${COMPLETION-CANDIDATES}.")
  ReadMix.Kind kind;
  @Option(names = "--duration", defaultValue = "30")
  int duration;
  @Option(names = "--warmup", defaultValue = "10")
  int warmup;
  @Option(names = "--seed", defaultValue = "1")
  long seed;
  @Option(names = "--sessions", defaultValue = "5000000", description = "The main app's sessions when generated.")
  long sessions;
  @Option(names = "--days", defaultValue = "730", description = "The history's days when generated.")
  int days;

  @Override
  public Integer call() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    String accountPath = URI.create(base).getPath() + "/accounts/" + account + "/realtime/kit";
    String origin = base.substring(0, base.indexOf(URI.create(base).getPath()));
    ReadMix mix = ReadMix.forHistory(client, origin, accountPath, token, sessions, days, kind);
    Map<ReadMix.Kind, Recorder> byKind = new EnumMap<>(ReadMix.Kind.class);
    for (ReadMix.Kind k : ReadMix.Kind.values()) {
      byKind.put(k, new Recorder(3));
    }
    Recorder all = new Recorder(3);
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    long start = System.nanoTime();
    long end = start + (warmup + duration) * 1_000_000_000L;

    Thread[] users;
    ExecutorService pool = null;
    if (rate > 0) {
      pool = Executors.newFixedThreadPool(Math.max(8, connections));
      ExecutorService p = pool;
      long period = (long) (1e9 / rate);
      Thread ticker = new Thread(() -> {
        SplittableRandom r = new SplittableRandom(seed);
        for (long i = 0; ; i++) {
          long due = start + i * period;
          if (due >= end) {
            return;
          }
          sleepUntil(due);
          ReadMix.Request req = mix.next(r);
          p.execute(() -> ask(client, origin, req, due, byKind, all, ok, failed));
        }
      }, "mix-ticker");
      users = new Thread[] {ticker};
    } else {
      users = new Thread[connections];
      for (int u = 0; u < connections; u++) {
        SplittableRandom r = new SplittableRandom(seed * 1_000 + u);
        users[u] = new Thread(() -> {
          while (!stop.get() && System.nanoTime() < end) {
            ask(client, origin, mix.next(r), System.nanoTime(), byKind, all, ok, failed);
          }
        }, "mix-user-" + u);
      }
    }
    for (Thread t : users) {
      t.start();
    }
    Thread.sleep(warmup * 1000L);
    all.getIntervalHistogram();
    byKind.values().forEach(Recorder::getIntervalHistogram);
    long okBefore = ok.get();
    long t0 = System.nanoTime();
    for (Thread t : users) {
      t.join();
    }
    if (pool != null) {
      pool.shutdown();
      pool.awaitTermination(60, TimeUnit.SECONDS);
    }
    stop.set(true);
    double secs = (System.nanoTime() - t0) / 1e9;
    Histogram total = all.getIntervalHistogram();
    String mode = rate > 0 ? "open loop at " + rate + " req/s" : "closed loop, " + connections + " connections";
    System.out.println(Stats.line("mix" + (kind == null ? "" : " " + kind) + " (" + mode + ")", ok.get() - okBefore,
        secs, total) + "; failed or non-200: " + failed.get());
    for (ReadMix.Kind k : ReadMix.Kind.values()) {
      Histogram h = byKind.get(k).getIntervalHistogram();
      if (h.getTotalCount() > 0) {
        System.out.println("  " + Stats.line(k.name(), h.getTotalCount(), secs, h));
      }
    }
    System.exit(0);
    return 0;
  }

  private void ask(HttpClient client, String origin, ReadMix.Request req, long due, Map<ReadMix.Kind, Recorder> byKind,
      Recorder all, AtomicLong ok, AtomicLong failed) {
    HttpRequest http = HttpRequest.newBuilder(URI.create(origin + req.path()))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
    try {
      HttpResponse<byte[]> r = client.send(http, HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() == 200) {
        ok.incrementAndGet();
      } else if (failed.incrementAndGet() <= 5) {
        System.err.println(req.path() + " answered " + r.statusCode() + ": " + new String(r.body(),
            java.nio.charset.StandardCharsets.UTF_8));
      }
    } catch (Exception e) {
      if (failed.incrementAndGet() <= 5) {
        System.err.println(req.path() + " failed: " + e);
      }
    }
    long latency = Math.max(0, System.nanoTime() - due);
    all.recordValue(latency);
    byKind.get(req.kind()).recordValue(latency);
  }

  private static void sleepUntil(long due) {
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
