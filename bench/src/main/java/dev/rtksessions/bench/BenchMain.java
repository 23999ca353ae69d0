package dev.rtksessions.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the benchmark tools: {@code java -jar bench/target/rtk-sessions-bench.jar <command>}. */
@Command(name = "rtk-sessions-bench", mixinStandardHelpOptions = true,
    subcommands = {GenerateCommand.class, CheckCommand.class, JdbcFloorCommand.class, StaticFloorCommand.class,
        IngestCommand.class, MixCommand.class})
public final class BenchMain implements Runnable {
  @Override
  public void run() {
    CommandLine.usage(this, System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }
}
