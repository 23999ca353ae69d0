package dev.rtksessions.cli;

import dev.rtksessions.sdk.RealtimeKitClient;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Where the API is and who is calling: the same variables as Cloudflare's SDKs, so the
 * commands work against rtk-sessions or Cloudflare alike.
 */
final class ApiOptions {
  @Spec(Spec.Target.MIXEE) CommandLine.Model.CommandSpec spec;

  @Option(names = "--account", defaultValue = "${env:CLOUDFLARE_ACCOUNT_ID}",
      description = "Account id (env CLOUDFLARE_ACCOUNT_ID).")
  String account;

  @Option(names = "--token", defaultValue = "${env:CLOUDFLARE_API_TOKEN}",
      description = "API token (env CLOUDFLARE_API_TOKEN).")
  String token;

  @Option(names = "--base-url", defaultValue = "${env:CLOUDFLARE_BASE_URL}",
      description = "API base URL (env CLOUDFLARE_BASE_URL; default https://api.cloudflare.com/client/v4;"
          + " rtk-sessions: http://127.0.0.1:8787/client/v4).")
  String baseUrl;

  RealtimeKitClient client() {
    if (token == null || token.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "no API token: set CLOUDFLARE_API_TOKEN or pass --token");
    }
    Map<String, String> none = new HashMap<>();
    RealtimeKitClient.Builder b = RealtimeKitClient.builder().apiToken(token).environment(none);
    if (baseUrl != null && !baseUrl.isBlank()) {
      b.baseUrl(baseUrl);
    }
    return b.build();
  }

  String account() {
    if (account == null || account.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "no account: set CLOUDFLARE_ACCOUNT_ID or pass --account");
    }
    return account;
  }
}
