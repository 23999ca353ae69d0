package dev.rtksessions.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rtk-sessions} command. */
@Command(
    name = "rtk-sessions",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Self-hosted session service that speaks Cloudflare RealtimeKit's Sessions API.",
    subcommands = {ServeCommand.class, TokenCommand.class, WebhookKeyCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"rtk-sessions " + (v == null ? "(development build)" : v)};
    }
  }
}
