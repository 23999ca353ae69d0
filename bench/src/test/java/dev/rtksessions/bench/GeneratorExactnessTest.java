package dev.rtksessions.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A few thousand sessions, generated in bulk and recomputed through the engine: identical rows. */
class GeneratorExactnessTest {
  @TempDir
  Path dir;

  @Test
  void bulkRowsEqualWhatTheEngineRecords() {
    String url = "jdbc:sqlite:" + dir.resolve("bench.db");
    int generated = new CommandLine(new BenchMain()).execute("generate", "--url", url, "--sessions", "3000",
        "--apps", "3", "--other-sessions", "300", "--meetings", "300", "--live", "10", "--breakout-parents", "6",
        "--days", "60");
    assertThat(generated).isZero();
    int checked = new CommandLine(new BenchMain()).execute("check", "--url", url, "--meetings", "300");
    assertThat(checked).isZero();
  }

  @Test
  void zipfCountsAreExactAndLongTailed() {
    long[] k = History.zipfCounts(5_000, 400, 0.8);
    assertThat(java.util.Arrays.stream(k).sum()).isEqualTo(5_000);
    assertThat(k[0]).isGreaterThan(20 * k[399]);
    assertThat(java.util.Arrays.stream(k).min().getAsLong()).isGreaterThanOrEqualTo(1);
  }
}
