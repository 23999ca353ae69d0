package dev.rtksessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.App;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtk-sessions webhook-key set|show|clear} against a real SQLite store, and the
 * start-up check of {@code --webhook-public-key}.
 */
class WebhookKeyCommandTest {
  @TempDir Path dataDir;
  @TempDir Path files;

  private CliRun run(String... args) {
    return CliRun.of(List.of("--data-dir", dataDir.toString()), args);
  }

  @BeforeEach
  void anApp() {
    try (Database db = Database.open(Database.sqliteUrl(dataDir), 2)) {
      Stores.on(db).apps().insert(new App("app-1", "acc-1", "webhooks", 0));
    }
  }

  private Optional<String> storedKey() {
    try (Database db = Database.open(Database.sqliteUrl(dataDir), 2)) {
      return Stores.on(db).webhooks().publicKey("app-1");
    }
  }

  private static PublicKey newPublicKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair().getPublic();
  }

  private Path pemFile(String name, String label, byte[] der) throws Exception {
    String pem = "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
        + label + "-----\n";
    return Files.writeString(files.resolve(name), pem, StandardCharsets.US_ASCII);
  }

  @Test
  void setShowClear() throws Exception {
    PublicKey key = newPublicKey();
    Path file = pemFile("key.pem", "PUBLIC KEY", key.getEncoded());
    assertThat(run("webhook-key", "show", "--account", "acc-1", "--app", "app-1").out())
        .contains("(none: the global key RTK_WEBHOOK_PUBLIC_KEY applies)");

    CliRun set = run("webhook-key", "set", "--account", "acc-1", "--app", "app-1", "--file", file.toString());
    assertThat(set.exit()).as(set.err()).isZero();
    assertThat(set.out()).contains("app app-1 now verifies its webhooks with the key in " + file);
    String stored = storedKey().orElseThrow();
    String body = stored.replaceAll("-----[A-Z ]+-----|\\s", "");
    assertThat(Base64.getDecoder().decode(body)).isEqualTo(key.getEncoded());
    assertThat(run("webhook-key", "show", "--account", "acc-1", "--app", "app-1").out())
        .startsWith("-----BEGIN PUBLIC KEY-----");

    CliRun clear = run("webhook-key", "clear", "--account", "acc-1", "--app", "app-1");
    assertThat(clear.exit()).isZero();
    assertThat(storedKey()).isEmpty();
  }

  @Test
  void anAppOfAnotherAccountOrNoneIsRefused() throws Exception {
    Path file = pemFile("key.pem", "PUBLIC KEY", newPublicKey().getEncoded());
    CliRun other = run("webhook-key", "set", "--account", "acc-2", "--app", "app-1", "--file", file.toString());
    assertThat(other.exit()).isEqualTo(3);
    assertThat(other.err()).contains("no app app-1 in account acc-2");
    assertThat(run("webhook-key", "clear", "--account", "acc-1", "--app", "nope").exit()).isEqualTo(3);
    assertThat(run("webhook-key", "show", "--account", "acc-1", "--app", "nope").exit()).isEqualTo(3);
    assertThat(storedKey()).isEmpty();
  }

  @Test
  void unreadableKeysAreUsageErrorsThatSayWhy() throws Exception {
    CliRun missing = run("webhook-key", "set", "--account", "acc-1", "--app", "app-1", "--file",
        files.resolve("absent.pem").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a readable file");
    Path garbage = pemFile("garbage.pem", "PUBLIC KEY", "not a key".getBytes(StandardCharsets.US_ASCII));
    CliRun notAKey = run("webhook-key", "set", "--account", "acc-1", "--app", "app-1", "--file", garbage.toString());
    assertThat(notAKey.exit()).isEqualTo(2);
    assertThat(notAKey.err()).contains("is not an RSA public key");
    Path pkcs1 = pemFile("pkcs1.pem", "RSA PUBLIC KEY", new byte[] {48, 0});
    CliRun wrongForm = run("webhook-key", "set", "--account", "acc-1", "--app", "app-1", "--file", pkcs1.toString());
    assertThat(wrongForm.exit()).isEqualTo(2);
    assertThat(wrongForm.err()).contains("PKCS#1").contains("openssl rsa -RSAPublicKey_in -in key.pem -pubout");
    assertThat(run("webhook-key", "set", "--account", "bad account", "--app", "app-1", "--file", garbage.toString())
        .err()).contains("--account must be 1-32 characters");
    assertThat(storedKey()).isEmpty();
  }

  @Test
  void serveRefusesAPoolSizeOutOfRange() {
    CliRun run = run("serve", "--port", "0", "--pool-size", "0");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--pool-size must be 1-200, got 0");
  }

  @Test
  void serveRefusesANegativeListCacheSize() {
    CliRun run = run("serve", "--port", "0", "--list-cache-size", "-1");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--list-cache-size must be 0-1000000, got -1");
  }

  @Test
  void serveRefusesToStartWithAnUnreadableGlobalKey() {
    CliRun run = run("serve", "--port", "0", "--webhook-public-key", "-----BEGIN PUBLIC KEY-----\nAAAA\n"
        + "-----END PUBLIC KEY-----");
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("--webhook-public-key (RTK_WEBHOOK_PUBLIC_KEY): the webhook public key is not an"
        + " RSA public key");
  }
}
