package dev.rtksessions.cli;

import dev.rtksessions.sdk.exception.ApiConnectionException;
import dev.rtksessions.sdk.exception.ApiException;
import dev.rtksessions.storage.StorageException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rtk-sessions} command. */
@Command(
    name = "rtk-sessions",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Self-hosted session service that speaks Cloudflare RealtimeKit's Sessions API.",
    subcommands = {ServeCommand.class, TokenCommand.class, WebhookKeyCommand.class, LiveKitKeyCommand.class,
        WebhookSigningKeyCommand.class, WebhooksCommand.class, HeldEventsCommand.class,
        SessionsCommand.class, AppsCommand.class, MeetingsCommand.class, SimulateCommand.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {
        "  0  success",
        "  1  unexpected failure (a bug: please report it)",
        "  2  bad usage: unknown or invalid option, missing token or account",
        "  3  not found (404, or no such token, app or key)",
        "  4  not allowed: authentication (401) or permission (403)",
        "  5  request refused (400, 409, 413, 415, 422)",
        "  6  service unavailable: unreachable, timed out, rate limited (429) or a server error (5xx)"})
public final class Main {
  static final int NOT_FOUND = 3;
  static final int NOT_ALLOWED = 4;
  static final int REFUSED = 5;
  static final int UNAVAILABLE = 6;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setExecutionExceptionHandler(Main::failure);
  }

  /** Turns a failure into one clear line on stderr and an exit code scripts can rely on. */
  private static int failure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
    int code;
    String message;
    if (e instanceof ApiException api) {
      int status = api.statusCode();
      code = status == 404 ? NOT_FOUND : status == 401 || status == 403 ? NOT_ALLOWED
          : status == 429 || status >= 500 ? UNAVAILABLE : REFUSED;
      message = status + " " + api.errorMessage().orElse("(no message)") + " [" + api.method() + " " + api.url() + "]";
    } else if (e instanceof ApiConnectionException connection) {
      code = UNAVAILABLE;
      message = connection.getMessage();
    } else if (e instanceof StorageException storage) {
      code = UNAVAILABLE;
      message = storage.getMessage();
    } else if (e instanceof IllegalStateException | e instanceof IllegalArgumentException) {
      code = CommandLine.ExitCode.USAGE;
      message = e.getMessage();
    } else {
      code = CommandLine.ExitCode.SOFTWARE;
      message = e.toString();
    }
    cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + message);
    cli.getErr().flush();
    return code;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"rtk-sessions " + (v == null ? "(development build)" : v)};
    }
  }
}
