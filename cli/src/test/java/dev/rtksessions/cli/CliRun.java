package dev.rtksessions.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One in-process run of the command line: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

  /** Runs {@code args} followed by {@code trailing} (options every call of a test shares). */
  static CliRun of(List<String> trailing, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(trailing);
    int exit = cli.execute(all.toArray(String[]::new));
    return new CliRun(exit, out.toString(), err.toString());
  }
}
