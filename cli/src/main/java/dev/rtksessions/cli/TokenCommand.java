package dev.rtksessions.cli;

import dev.rtksessions.api.Timestamps;
import dev.rtksessions.engine.Tokens;
import dev.rtksessions.model.ApiToken;
import dev.rtksessions.model.Permission;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rtk-sessions token create|list|revoke}: API tokens in the configured store. */
@Command(name = "token", mixinStandardHelpOptions = true, description = "Manage API tokens (stored as hashes).",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand {

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Create a token and print its secret (shown only once).")
  static final class Create implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Spec CommandLine.Model.CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Scope scope;

    static final class Scope {
      @Option(names = "--account", description = "The account the token reaches.") String account;
      @Option(names = "--all-accounts", description = "Reach every account (like the bootstrap token).")
      boolean allAccounts;
    }

    @Option(names = "--permission", required = true,
        description = "realtime (read only) or realtime_admin (read and write).")
    String permission;

    @Option(names = "--description", description = "A note for token list.") String description;

    @Override
    public Integer call() {
      Permission p = Permission.fromWire(permission);
      if (p == null) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--permission must be realtime or realtime_admin, got '" + permission + "'");
      }
      if (scope.account != null && !scope.account.matches("[A-Za-z0-9_-]{1,32}")) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--account must be 1-32 characters of A-Z a-z 0-9 _ -, got '" + scope.account + "'");
      }
      try (Database db = storage.open()) {
        Tokens.Issued issued = tokens(db).create(scope.account, p, description);
        PrintWriter out = spec.commandLine().getOut();
        out.println(issued.secret());
        spec.commandLine().getErr().println("created token " + issued.token().id() + " (" + p.wire() + ", "
            + (scope.account == null ? "all accounts" : "account " + scope.account)
            + "); the secret above is not stored and cannot be shown again");
      }
      return 0;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never their secrets).")
  static final class ListTokens implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      try (Database db = storage.open()) {
        List<ApiToken> all = tokens(db).list();
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-36s  %-32s  %-14s  %-24s  %-24s  %s%n";
        out.printf(format, "ID", "ACCOUNT", "PERMISSION", "CREATED", "REVOKED", "DESCRIPTION");
        for (ApiToken t : all) {
          out.printf(format, t.id(), t.allAccounts() ? "*" : t.accountId(), t.permission().wire(),
              Timestamps.format(t.createdAt()), t.revokedAt() == null ? "-" : Timestamps.format(t.revokedAt()),
              t.description() == null ? "" : t.description());
        }
      }
      return 0;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a token by its id.")
  static final class Revoke implements Callable<Integer> {
    @Mixin StorageOptions storage;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The token id (from token list).") String id;

    @Override
    public Integer call() {
      try (Database db = storage.open()) {
        if (!tokens(db).revoke(id)) {
          spec.commandLine().getErr().println("no active token with id " + id);
          return Main.NOT_FOUND;
        }
        spec.commandLine().getOut().println("revoked " + id);
      }
      return 0;
    }
  }

  private static Tokens tokens(Database db) {
    return new Tokens(Stores.on(db).tokens(), Clock.systemUTC());
  }
}
