package dev.rtksessions.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Event batches at a fixed rate through POST .../events, with (optionally) the randomized read
 * mix ({@link ReadMix}) at a fixed request rate beside it. Both are open-loop: latency counts
 * from the moment a request was due, so a stalled server is not hidden (no coordinated omission).
 * Every batch holds complete sessions of new meetings (joins, then leaves of the same peers),
 * so nothing is rejected; any non-2xx answer is counted and reported.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Post event batches at a fixed rate, with the randomized read mix at a fixed rate beside it.")
final class IngestCommand implements Callable<Integer> {
  @Option(names = "--base", defaultValue = "http://127.0.0.1:8787/client/v4")
  String base;
  @Option(names = "--token", required = true)
  String token;
  @Option(names = "--account", defaultValue = History.ACCOUNT)
  String account;
  @Option(names = "--app", defaultValue = History.MAIN_APP)
  String app;
  @Option(names = "--events-per-second", defaultValue = "20000")
  int eventsPerSecond;
  @Option(names = "--batch", defaultValue = "500")
  int batch;
  @Option(names = "--list-rate", defaultValue = "500", description = "Read-mix requests/s beside (0: none).")
  int listRate;
  @Option(names = "--sessions", defaultValue = "5000000", description = "The main app's sessions when generated.")
  long sessions;
  @Option(names = "--days", defaultValue = "730", description = "The history's days when generated.")
  int days;
  @Option(names = "--duration", defaultValue = "60")
  int duration;
  @Option(names = "--warmup", defaultValue = "10")
  int warmup;
  @Option(names = "--senders", defaultValue = "16", description = "Threads posting batches.")
  int senders;
  @Option(names = "--listers", defaultValue = "48", description = "Threads issuing list requests.")
  int listers;

  private final AtomicLong meetingSeq = new AtomicLong();
  private final String run = Long.toString(System.currentTimeMillis(), 36);

  @Override
  public Integer call() throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(4)).build();
    String prefix = base + "/accounts/" + account + "/realtime/kit/" + app;
    URI events = URI.create(prefix + "/events");
    String origin = base.substring(0, base.indexOf(URI.create(base).getPath()));
    String accountPath = URI.create(base).getPath() + "/accounts/" + account + "/realtime/kit";
    ReadMix mix = listRate <= 0 ? null : ReadMix.forHistory(client, origin, accountPath, token, sessions, days, null);
    Recorder ingestLat = new Recorder(3);
    Recorder listLat = new Recorder(3);
    AtomicLong batchesOk = new AtomicLong();
    AtomicLong batchesBad = new AtomicLong();
    AtomicLong listOk = new AtomicLong();
    AtomicLong listBad = new AtomicLong();
    ExecutorService ingestPool = Executors.newFixedThreadPool(senders);
    ExecutorService listPool = Executors.newFixedThreadPool(Math.max(1, listers));
    ScheduledExecutorService ticker = Executors.newScheduledThreadPool(2);
    double batchesPerSecond = eventsPerSecond / (double) batch;
    long batchPeriod = (long) (1e9 / batchesPerSecond);
    long start = System.nanoTime();
    long end = start + (warmup + duration) * 1_000_000_000L;
    Thread ingestTicker = new Thread(() -> {
      for (long i = 0; ; i++) {
        long due = start + i * batchPeriod;
        if (due >= end) {
          return;
        }
        sleepUntil(due);
        ingestPool.execute(() -> {
          String body = body();
          HttpRequest req = HttpRequest.newBuilder(events).header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
          try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 == 2) {
              batchesOk.incrementAndGet();
            } else {
              if (batchesBad.incrementAndGet() <= 3) {
                System.err.println("batch answered " + r.statusCode() + ": " + r.body().substring(0,
                    Math.min(300, r.body().length())));
              }
            }
          } catch (Exception e) {
            batchesBad.incrementAndGet();
          }
          ingestLat.recordValue(Math.max(0, System.nanoTime() - due));
        });
      }
    }, "ingest-ticker");
    Thread listTicker = new Thread(() -> {
      if (listRate <= 0) {
        return;
      }
      long period = (long) (1e9 / listRate);
      java.util.SplittableRandom random = new java.util.SplittableRandom(7);
      for (long i = 0; ; i++) {
        long due = start + i * period;
        if (due >= end) {
          return;
        }
        sleepUntil(due);
        HttpRequest req = HttpRequest.newBuilder(URI.create(origin + mix.next(random).path()))
            .header("Authorization", "Bearer " + token).GET().build();
        listPool.execute(() -> {
          try {
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            (r.statusCode() == 200 ? listOk : listBad).incrementAndGet();
          } catch (Exception e) {
            listBad.incrementAndGet();
          }
          listLat.recordValue(Math.max(0, System.nanoTime() - due));
        });
      }
    }, "list-ticker");
    ingestTicker.start();
    listTicker.start();
    Thread.sleep(warmup * 1000L);
    ingestLat.getIntervalHistogram();
    listLat.getIntervalHistogram();
    long okBefore = batchesOk.get();
    long listBefore = listOk.get();
    long t0 = System.nanoTime();
    ingestTicker.join();
    listTicker.join();
    ingestPool.shutdown();
    listPool.shutdown();
    ingestPool.awaitTermination(60, TimeUnit.SECONDS);
    listPool.awaitTermination(60, TimeUnit.SECONDS);
    double secs = (System.nanoTime() - t0) / 1e9;
    ticker.shutdown();
    Histogram hi = ingestLat.getIntervalHistogram();
    Histogram hl = listLat.getIntervalHistogram();
    long batches = batchesOk.get() - okBefore;
    System.out.println(Stats.line("ingest batches", batches, secs, hi));
    System.out.printf(Locale.ROOT, "ingest: %.0f participant events/s acknowledged (target %d), %d batches failed%n",
        batches * batch / secs, eventsPerSecond, batchesBad.get());
    if (listRate > 0) {
      System.out.println(Stats.line("read mix beside ingest", listOk.get() - listBefore, secs, hl));
      System.out.printf(Locale.ROOT, "read mix: %d non-200 or failed%n", listBad.get());
    }
    System.exit(0);
    return 0;
  }

  private static void sleepUntil(long due) {
    long wait;
    while ((wait = due - System.nanoTime()) > 0) {
      java.util.concurrent.locks.LockSupport.parkNanos(wait);
    }
  }

  /** 500 events: complete sessions (10 peers join, then leave) in new meetings, times just past. */
  private String body() {
    StringBuilder b = new StringBuilder(batch * 200);
    b.append('[');
    long now = System.currentTimeMillis();
    int peersPerSession = 10;
    int perSession = 2 * peersPerSession;
    int sessionsInBatch = batch / perSession;
    int written = 0;
    for (int s = 0; s < sessionsInBatch || written < batch; s++) {
      long m = meetingSeq.getAndIncrement();
      String meeting = "ing-" + run + "-" + m;
      long start = now - 20 * 60_000L;
      for (int p = 0; p < peersPerSession && written < batch; p++) {
        event(b, written++ == 0, meeting + "-j" + p, "participant.joined", meeting, start + p * 1_000L,
            meeting + "-p" + p, m % 2 == 0 ? "Ingest room " + m : null, p);
      }
      for (int p = 0; p < peersPerSession && written < batch; p++) {
        event(b, false, meeting + "-l" + p, "participant.left", meeting, start + 600_000L + p * 1_000L,
            meeting + "-p" + p, null, p);
      }
    }
    return b.append(']').toString();
  }

  private static void event(StringBuilder b, boolean first, String id, String type, String meeting, long at,
      String peer, String title, int p) {
    if (b.length() > 1) {
      b.append(',');
    }
    b.append("{\"id\":\"").append(id).append("\",\"type\":\"").append(type).append("\",\"meeting_id\":\"")
        .append(meeting).append("\",\"at\":\"").append(Instant.ofEpochMilli(at)).append("\",\"peer_id\":\"")
        .append(peer).append('"');
    if (type.equals("participant.joined")) {
      b.append(",\"user_id\":\"u").append(p).append("\",\"display_name\":\"Peer ").append(p)
          .append("\",\"preset_name\":\"").append(p == 0 ? "group_call_host" : "group_call_participant").append('"');
      if (title != null && p == 0) {
        b.append(",\"meeting_title\":\"").append(title).append('"');
      }
    }
    b.append('}');
  }
}
