package dev.rtksessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtk-sessions token create|list|revoke} against a real SQLite store. */
class TokenCommandTest {
  @TempDir Path dataDir;

  private CliRun run(String... args) {
    return CliRun.of(List.of("--data-dir", dataDir.toString()), args);
  }

  @Test
  void createListRevoke() throws Exception {
    CliRun created = run("token", "create", "--account", "acc-1", "--permission", "realtime", "--description", "ci");
    assertThat(created.exit()).isZero();
    String secret = created.out().trim();
    assertThat(secret).startsWith("rtk_").hasSizeGreaterThan(40);
    assertThat(created.err()).contains("realtime, account acc-1").contains("cannot be shown again");

    CliRun list = run("token", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("acc-1").contains("realtime").contains("ci").doesNotContain(secret);
    String id = list.out().lines().filter(l -> l.contains("acc-1")).findFirst().orElseThrow().split("\\s+")[0];

    // Only the hash is stored: the secret appears nowhere in the database files.
    try (var files = Files.list(dataDir)) {
      for (Path f : files.toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain(secret);
      }
    }

    assertThat(run("token", "revoke", id).out()).contains("revoked " + id);
    assertThat(run("token", "list").out().lines().filter(l -> l.contains("acc-1")).findFirst().orElseThrow())
        .doesNotContain(" - ");
    CliRun again = run("token", "revoke", id);
    assertThat(again.exit()).isEqualTo(3);
    assertThat(again.err()).contains("no active token with id " + id);
  }

  @Test
  void allAccountsAdminToken() {
    CliRun created = run("token", "create", "--all-accounts", "--permission", "realtime_admin");
    assertThat(created.exit()).isZero();
    assertThat(created.err()).contains("realtime_admin, all accounts");
    assertThat(run("token", "list").out()).contains("*");
  }

  @Test
  void badOptionsAreUsageErrors() {
    CliRun permission = run("token", "create", "--account", "a", "--permission", "superuser");
    assertThat(permission.exit()).isEqualTo(2);
    assertThat(permission.err()).contains("--permission must be realtime or realtime_admin, got 'superuser'");
    CliRun scope = run("token", "create", "--permission", "realtime");
    assertThat(scope.exit()).isEqualTo(2);
    assertThat(scope.err()).contains("--account").contains("--all-accounts");
    CliRun account = run("token", "create", "--account", "bad account", "--permission", "realtime");
    assertThat(account.exit()).isEqualTo(2);
    assertThat(account.err()).contains("--account must be 1-32 characters");
  }
}
