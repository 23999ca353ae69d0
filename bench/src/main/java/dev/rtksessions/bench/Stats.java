package dev.rtksessions.bench;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** Latency summary lines, the same shape for every driver. */
final class Stats {
  private Stats() {}

  static Histogram histogram() {
    return new Histogram(60_000_000_000L, 3);
  }

  static String line(String name, long requests, double seconds, Histogram h) {
    return String.format(Locale.ROOT, "%s: %d requests in %.1f s = %.0f req/s; latency ms p50 %.2f p99 %.2f"
        + " p99.9 %.2f max %.2f", name, requests, seconds, requests / seconds, h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(99) / 1e6, h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6);
  }
}
