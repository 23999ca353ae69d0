package dev.rtksessions.cli;

import dev.rtksessions.model.LiveKitKey;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtk-sessions livekit-key set|show|clear}: the LiveKit API key whose secret verifies one
 * app's LiveKit webhooks. The secret is kept so that it can verify (LiveKit's tokens are HS256
 * under it) and is never printed. Apps without their own key use RTK_LIVEKIT_KEYS; the server
 * reads the app's key at every delivery, so a change applies at once.
 */
@Command(name = "livekit-key", mixinStandardHelpOptions = true,
    description = "Manage the LiveKit API key that verifies an app's LiveKit webhooks.",
    subcommands = {LiveKitKeyCommand.Set.class, LiveKitKeyCommand.Clear.class, LiveKitKeyCommand.Show.class})
final class LiveKitKeyCommand {

  @Command(name = "set", mixinStandardHelpOptions = true,
      description = "Verify the app's LiveKit webhooks with this API key and secret instead of RTK_LIVEKIT_KEYS.")
  static final class Set implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Mixin WebhookKeyCommand.AppOptions target;
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--api-key", required = true, description = "The LiveKit API key (the tokens' issuer).")
    String apiKey;

    @Option(names = "--api-secret-file", required = true,
        description = "A file holding the API secret (its first line; kept off the command line and out of ps).")
    Path secretFile;

    @Override
    public Integer call() {
      target.validate(spec.commandLine());
      if (apiKey.isBlank() || apiKey.length() > 255) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--api-key must be 1-255 characters");
      }
      String secret;
      try {
        secret = Files.readAllLines(secretFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
      } catch (IOException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--api-secret-file: cannot read " + secretFile
            + ": " + e.getMessage());
      }
      if (secret.isEmpty() || secret.length() > 1024) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--api-secret-file: " + secretFile
            + " must hold the secret (1-1024 characters) on its first line");
      }
      try (Database db = storage.open()) {
        if (!Stores.on(db).webhooks().setLiveKitKey(target.account, target.app, new LiveKitKey(apiKey, secret),
            System.currentTimeMillis())) {
          spec.commandLine().getErr().println(target.notFound());
          return Main.NOT_FOUND;
        }
      }
      spec.commandLine().getOut().println("app " + target.app + " now verifies its LiveKit webhooks with API key "
          + apiKey);
      return 0;
    }
  }

  @Command(name = "clear", mixinStandardHelpOptions = true,
      description = "Remove the app's own key: RTK_LIVEKIT_KEYS verifies its LiveKit webhooks again.")
  static final class Clear implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Mixin WebhookKeyCommand.AppOptions target;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      target.validate(spec.commandLine());
      try (Database db = storage.open()) {
        if (!Stores.on(db).webhooks().setLiveKitKey(target.account, target.app, null, System.currentTimeMillis())) {
          spec.commandLine().getErr().println(target.notFound());
          return Main.NOT_FOUND;
        }
      }
      spec.commandLine().getOut().println("app " + target.app + " verifies its LiveKit webhooks with RTK_LIVEKIT_KEYS"
          + " again");
      return 0;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print the app's own API key, if it has one (never its secret).")
  static final class Show implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Mixin WebhookKeyCommand.AppOptions target;
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
        Optional<LiveKitKey> key = stores.webhooks().liveKitKey(target.app);
        spec.commandLine().getOut().println(key.map(k -> "api key: " + k.apiKey() + "\napi secret: (stored, never shown)")
            .orElse("(none: the keys of RTK_LIVEKIT_KEYS apply)"));
      }
      return 0;
    }
  }
}
