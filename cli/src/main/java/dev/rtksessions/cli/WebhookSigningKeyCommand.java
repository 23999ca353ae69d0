package dev.rtksessions.cli;

import dev.rtksessions.engine.SigningKey;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code rtk-sessions webhook-signing-key show}: the public key (PEM) that verifies the webhooks
 * this service sends, for receivers (a RealtimeKit receiver takes it as RealtimeKit's key). The
 * key pair is made the first time it is needed and kept in the store.
 */
@Command(name = "webhook-signing-key", mixinStandardHelpOptions = true,
    description = "The key that signs the webhooks this service sends.",
    subcommands = WebhookSigningKeyCommand.Show.class)
final class WebhookSigningKeyCommand {

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Print the public key (PEM) that verifies this service's webhooks (rtk-signature).")
  static final class Show implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Database db = storage.open()) {
        spec.commandLine().getOut().print(SigningKey.loadOrCreate(Stores.on(db).secrets(), Clock.systemUTC())
            .publicKeyPem());
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
