package dev.rtksessions.cli;

import dev.rtksessions.engine.WebhookSignature;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtk-sessions webhook-key set|clear|show}: the RSA public key that verifies one app's
 * RealtimeKit webhooks. An app without its own key uses the service-wide one
 * (RTK_WEBHOOK_PUBLIC_KEY); the server reads the app's key at every delivery, so a change
 * applies at once, also to servers already running.
 */
@Command(name = "webhook-key", mixinStandardHelpOptions = true,
    description = "Manage the public key that verifies an app's RealtimeKit webhooks.",
    subcommands = {WebhookKeyCommand.Set.class, WebhookKeyCommand.Clear.class, WebhookKeyCommand.Show.class})
final class WebhookKeyCommand {

  /** The app a command acts on; shared by the subcommands. */
  static final class AppOptions {
    @Option(names = "--account", required = true, description = "The app's account.") String account;
    @Option(names = "--app", required = true, description = "The app id.") String app;

    void validate(CommandLine cmd) {
      if (!account.matches("[A-Za-z0-9_-]{1,32}")) {
        throw new CommandLine.ParameterException(cmd,
            "--account must be 1-32 characters of A-Z a-z 0-9 _ -, got '" + account + "'");
      }
      if (!app.matches("[A-Za-z0-9_-]{1,36}")) {
        throw new CommandLine.ParameterException(cmd,
            "--app must be 1-36 characters of A-Z a-z 0-9 _ -, got '" + app + "'");
      }
    }

    String notFound() {
      return "no app " + app + " in account " + account;
    }
  }

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Verify the app's webhooks with this key (PEM, SPKI \"PUBLIC KEY\") instead of the global one.")
  static final class Set implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Mixin AppOptions target;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--file", required = true, description = "A PEM file holding the public key.") Path file;

    @Override
    public Integer call() {
      target.validate(spec.commandLine());
      PublicKey key;
      try {
        key = WebhookSignature.readPublicKey(file.toString());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--file: " + e.getMessage());
      }
      try (Database db = storage.open()) {
        // Stored re-encoded from the parsed key, so the server can always parse what it reads.
        if (!Stores.on(db).webhooks().setPublicKey(target.account, target.app, WebhookSignature.toPem(key))) {
          spec.commandLine().getErr().println(target.notFound());
          return Main.NOT_FOUND;
        }
      }
      spec.commandLine().getOut().println("app " + target.app + " now verifies its webhooks with the key in " + file);
      return 0;
    }
  }

  @Command(name = "clear", mixinStandardHelpOptions = true,
      description = "Remove the app's own key: its webhooks are verified with the global key again.")
  static final class Clear implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Mixin AppOptions target;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      target.validate(spec.commandLine());
      try (Database db = storage.open()) {
        if (!Stores.on(db).webhooks().setPublicKey(target.account, target.app, null)) {
          spec.commandLine().getErr().println(target.notFound());
          return Main.NOT_FOUND;
        }
      }
      spec.commandLine().getOut().println("app " + target.app + " verifies its webhooks with the global key"
          + " (RTK_WEBHOOK_PUBLIC_KEY) again");
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the app's own key, if it has one.")
  static final class Show implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Mixin AppOptions target;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      target.validate(spec.commandLine());
      try (Database db = storage.open()) {
        Stores stores = Stores.on(db);
        if (stores.apps().find(target.account, target.app).isEmpty()) {
          spec.commandLine().getErr().println(target.notFound());
          return Main.NOT_FOUND;
        }
        Optional<String> pem = stores.webhooks().publicKey(target.app);
        spec.commandLine().getOut().println(pem.map(String::strip)
            .orElse("(none: the global key RTK_WEBHOOK_PUBLIC_KEY applies)"));
      }
      return 0;
    }
  }
}
