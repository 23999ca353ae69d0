package dev.rtksessions.cli;

import dev.rtksessions.demo.DemoSeeder;
import dev.rtksessions.engine.LiveKitWebhooks;
import dev.rtksessions.engine.Tokens;
import dev.rtksessions.engine.WebhookSender;
import dev.rtksessions.engine.WebhookSignature;
import dev.rtksessions.http.RateLimit;
import dev.rtksessions.model.Permission;
import dev.rtksessions.service.RtkService;
import dev.rtksessions.service.ServiceConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rtk-sessions serve}: runs the service until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the service (SQLite under --data-dir unless --database-url names PostgreSQL).")
final class ServeCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "${env:RTK_PORT:-8787}",
      description = "Port to listen on (env RTK_PORT, default ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "${env:RTK_HOST:-127.0.0.1}",
      description = "Address to listen on (env RTK_HOST, default ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--webhook-public-key", defaultValue = "${env:RTK_WEBHOOK_PUBLIC_KEY}",
      description = "RSA public key (PEM text or a file) that verifies RealtimeKit webhooks of apps without their"
          + " own key (env RTK_WEBHOOK_PUBLIC_KEY).")
  String webhookPublicKey;

  @Option(names = "--pool-size", defaultValue = "${env:RTK_POOL_SIZE:-10}",
      description = "Database connections, and as many HTTP worker threads (env RTK_POOL_SIZE, default"
          + " ${DEFAULT-VALUE}).")
  int poolSize;

  @Option(names = "--list-cache-size", defaultValue = "${env:RTK_LIST_CACHE_SIZE:-1000}",
      description = "Session list answers kept for repeated requests, each answered again only while nothing it"
          + " shows has changed (env RTK_LIST_CACHE_SIZE, default ${DEFAULT-VALUE}; 0 keeps none).")
  int listCacheSize;

  @Option(names = "--stale-after", defaultValue = "${env:RTK_STALE_AFTER:-24h}", converter = DurationConverter.class,
      description = "A session with peers present but no event for this long reads as ENDED at its last event (a"
          + " leave never came); a later event of its own continues it (env RTK_STALE_AFTER, default"
          + " ${DEFAULT-VALUE}; 1m-30d).")
  Duration staleAfter;

  @Option(names = "--held-report-after", defaultValue = "${env:RTK_HELD_REPORT_AFTER:-15m}",
      converter = DurationConverter.class,
      description = "A webhook event still waiting for the event it needs (a leave for its join) after this long is"
          + " reported in the log (env RTK_HELD_REPORT_AFTER, default ${DEFAULT-VALUE}; 1m-30d).")
  Duration heldReportAfter;

  @Option(names = "--startup-timeout", defaultValue = "${env:RTK_STARTUP_TIMEOUT:-60}",
      description = "Seconds the start waits for the database to accept connections and for another process's schema"
          + " migration, then fails (env RTK_STARTUP_TIMEOUT, default ${DEFAULT-VALUE}; 0 fails at once).")
  int startupTimeoutSeconds;

  @Option(names = "--rate-limit-per-token", defaultValue = "${env:RTK_RATE_LIMIT_PER_TOKEN}", paramLabel = "N/SECONDS",
      description = "At most N requests per SECONDS by each token, like Cloudflare's API (1200/300); 429 with"
          + " Retry-After above (env RTK_RATE_LIMIT_PER_TOKEN; default: no limit).")
  String rateLimitPerToken;

  @Option(names = "--rate-limit-per-app", defaultValue = "${env:RTK_RATE_LIMIT_PER_APP}", paramLabel = "N/SECONDS",
      description = "At most N requests per SECONDS to each app, all tokens together (env RTK_RATE_LIMIT_PER_APP;"
          + " default: no limit).")
  String rateLimitPerApp;

  @Option(names = "--no-webhooks-out", defaultValue = "${env:RTK_NO_WEBHOOKS_OUT:-false}",
      description = "Send no webhooks (and record none to send): the service makes no outbound HTTP calls (env"
          + " RTK_NO_WEBHOOKS_OUT=true).")
  boolean noWebhooksOut;

  @Option(names = "--webhooks-out-allow", defaultValue = "${env:RTK_WEBHOOKS_OUT_ALLOW}", paramLabel = "HOSTS",
      description = "Send webhooks only to these hosts, comma-separated (*.example.com for a domain and its"
          + " subdomains); others are refused when a webhook is registered (env RTK_WEBHOOKS_OUT_ALLOW; default: any"
          + " host, loopback and private addresses included).")
  String webhooksOutAllow;

  @Option(names = "--livekit-keys", defaultValue = "${env:RTK_LIVEKIT_KEYS}", paramLabel = "KEY:SECRET,...",
      description = "LiveKit API keys and secrets that verify LiveKit webhooks of apps without their own key"
          + " (livekit-key set); prefer the environment variable RTK_LIVEKIT_KEYS, which ps does not show.")
  String liveKitKeys;

  @Option(names = "--demo", description = "Seed a demo account and app with a realistic session history.")
  boolean demo;

  /** The limit an option gives, or null when it is not given. */
  private RateLimit rateLimit(String option, String env, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return RateLimit.parse(value);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), option + " (" + env + ") " + e.getMessage());
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    RateLimit perToken = rateLimit("--rate-limit-per-token", "RTK_RATE_LIMIT_PER_TOKEN", rateLimitPerToken);
    RateLimit perApp = rateLimit("--rate-limit-per-app", "RTK_RATE_LIMIT_PER_APP", rateLimitPerApp);
    ServiceConfig config;
    try {
      config = ServiceConfig.of(host, port, storage.jdbcUrl()).withPoolSize(poolSize)
          .withListCacheSize(listCacheSize).withStaleAfter(staleAfter).withHeldReportAfter(heldReportAfter)
          .withStartupTimeout(Duration.ofSeconds(startupTimeoutSeconds)).withRateLimits(perToken, perApp)
          .withWebhooksOut(noWebhooksOut ? null : new WebhookSender.Policy(WebhookSender.Policy.DEFAULT_TIMEOUT,
              WebhookSender.Policy.DEFAULT_RETRY_DELAYS, webhooksOutAllow == null ? List.of()
                  : List.of(webhooksOutAllow.split(","))));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    if (webhookPublicKey != null && !webhookPublicKey.isBlank()) {
      try {
        config = config.withWebhookPublicKey(WebhookSignature.readPublicKey(webhookPublicKey));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--webhook-public-key (RTK_WEBHOOK_PUBLIC_KEY): " + e.getMessage());
      }
    }
    try {
      config = config.withLiveKitKeys(LiveKitWebhooks.parseKeys(liveKitKeys));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--livekit-keys (RTK_LIVEKIT_KEYS): " + e.getMessage());
    }
    RtkService service = RtkService.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      service.close();
      stopped.countDown();
    }, "rtk-shutdown"));

    String adminFromEnv = System.getenv("RTK_ADMIN_TOKEN");
    String token = null;
    String tokenNote;
    if (adminFromEnv != null && !adminFromEnv.isBlank()) {
      service.tokens().registerBootstrap(adminFromEnv.trim());
      tokenNote = "$RTK_ADMIN_TOKEN (from the environment)";
    } else if (!service.tokens().anyActive()) {
      token = service.tokens().create(null, Permission.REALTIME_ADMIN, "bootstrap (generated at first start)")
          .secret();
      tokenNote = token + "   (Realtime Admin, all accounts; generated now and shown only once)";
    } else {
      tokenNote = "created at first start (stored hashed); make another with: ./rtk-sessions token create"
          + " --all-accounts --permission realtime_admin";
    }

    PrintWriter out = spec.commandLine().getOut();
    String account = "<account_id>";
    String app = "<app_id>";
    String demoLine = null;
    if (demo) {
      DemoSeeder.Result seeded = new DemoSeeder(service.catalog(), service.engine(), service.stores()).seed();
      account = seeded.accountId();
      app = seeded.appId();
      demoLine = "account " + account + ", app " + app + " (" + seeded.sessions() + " sessions"
          + (seeded.seededNow() ? ", seeded now" : ", seeded earlier") + ")";
      if (token == null && adminFromEnv == null) {
        Tokens.Issued issued = service.tokens().create(account, Permission.REALTIME_ADMIN, "demo (serve --demo)");
        token = issued.secret();
        tokenNote = token + "   (Realtime Admin for the demo account; shown only once)";
      }
    }

    out.println("rtk-sessions is ready");
    out.println("  base URL:    " + service.baseUrl());
    out.println("  storage:     " + service.database().description());
    out.println("  admin token: " + tokenNote);
    if (demoLine != null) {
      out.println("  demo:        " + demoLine);
    }
    out.println("  webhooks out: " + (noWebhooksOut ? "off (--no-webhooks-out)" : webhooksOutAllow == null
        || webhooksOutAllow.isBlank() ? "on, to any host" : "on, to " + webhooksOutAllow));
    if (perToken != null || perApp != null) {
      out.println("  rate limits: " + (perToken == null ? "none" : perToken + " s") + " per token, "
          + (perApp == null ? "none" : perApp + " s") + " per app");
    }
    String shownToken = token != null ? token : adminFromEnv != null ? "$RTK_ADMIN_TOKEN" : "<token>";
    out.println("  try:");
    out.println("    curl -s -H \"Authorization: Bearer " + shownToken + "\" \\");
    out.println("      \"" + service.baseUrl() + "/accounts/" + account + "/realtime/kit/" + app
        + "/sessions?per_page=5\"");
    out.println("  health:      http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + service.port()
        + "/healthz   (Ctrl-C stops)");
    out.flush();
    stopped.await();
    return 0;
  }
}
