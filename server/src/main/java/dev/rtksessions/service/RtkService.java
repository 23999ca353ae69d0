package dev.rtksessions.service;

import dev.rtksessions.engine.Artifacts;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.engine.Health;
import dev.rtksessions.engine.HeldEvents;
import dev.rtksessions.engine.LiveKitWebhooks;
import dev.rtksessions.engine.ParticipantReader;
import dev.rtksessions.engine.SessionEngine;
import dev.rtksessions.engine.SessionReader;
import dev.rtksessions.engine.SessionTimeline;
import dev.rtksessions.engine.SigningKey;
import dev.rtksessions.engine.Tokens;
import dev.rtksessions.engine.WebhookOutbox;
import dev.rtksessions.engine.WebhookSender;
import dev.rtksessions.engine.Webhooks;
import dev.rtksessions.engine.WebhooksOut;
import dev.rtksessions.http.HttpApi;
import dev.rtksessions.http.HttpServer;
import dev.rtksessions.http.RateLimits;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The whole service wired together: storage, engine and HTTP server. Close it to stop. */
public final class RtkService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RtkService.class);
  private final Database database;
  private final Stores stores;
  private final Catalog catalog;
  private final SessionEngine engine;
  private final Tokens tokens;
  private final HeldEvents held;
  private final HttpServer server;
  private final SigningKey signingKey;
  private final WebhookSender sender;
  private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread t = new Thread(runnable, "rtk-background");
    t.setDaemon(true);
    return t;
  });
  private final int port;
  private final String host;

  private RtkService(ServiceConfig config) {
    this.database = Database.openForService(config.databaseUrl(), config.poolSize(), config.startupTimeout());
    try {
      this.stores = Stores.on(database);
      this.catalog = new Catalog(stores.apps(), stores.meetings(), config.clock());
      WebhookOutbox outbox = new WebhookOutbox(stores, config.clock(), config.webhooksOut() != null);
      this.engine = new SessionEngine(stores, config.clock(), new SessionTimeline(config.staleAfter()), outbox);
      engine.applyStaleLimit();
      this.held = new HeldEvents(stores.held(), config.clock(), config.heldReportAfter());
      this.tokens = new Tokens(stores.tokens(), config.clock());
      SessionReader reader = new SessionReader(database, stores.sessionList(), stores.sessions(), stores.meetings(),
          stores.changes(), config.clock(), config.listCacheSize());
      ParticipantReader participants = new ParticipantReader(database, stores.participants(), stores.sessions(),
          stores.events(), config.clock());
      Webhooks webhooks = new Webhooks(stores.webhooks(), stores.artifacts(), catalog, engine, config.clock(),
          config.webhookPublicKey());
      Artifacts artifacts = new Artifacts(stores.artifacts(), stores.secrets(), stores.sessions(), config.clock());
      this.signingKey = SigningKey.loadOrCreate(stores.secrets(), config.clock());
      WebhookSender.Policy policy = config.webhooksOut() == null ? WebhookSender.Policy.DEFAULT : config.webhooksOut();
      this.sender = config.webhooksOut() == null ? null
          : new WebhookSender(stores.webhooksOut(), outbox, signingKey, config.webhooksOut());
      HttpApi api = new HttpApi(catalog, engine, reader, participants, tokens, new Health(database, held),
          config.authCacheTtl(), webhooks, artifacts,
          new RateLimits(config.rateLimitPerToken(), config.rateLimitPerApp(), config.clock()),
          new LiveKitWebhooks(stores.webhooks(), config.liveKitKeys()),
          new WebhooksOut(stores.webhooksOut(), config.clock(), policy), signingKey.publicKeyPem());
      // As many workers as connections: requests then wait in the workers' FIFO queue, not for a
      // pool connection, whose hand-off is not first come first served (with twice as many
      // workers, the list's p99 was 10 times its p90 under load).
      this.server = HttpServer.start(config.host(), config.port(), config.poolSize(), api.handler());
      background.scheduleWithFixedDelay(this::reportHeldEvents, 0, 1, TimeUnit.MINUTES);
      if (sender != null) {
        sender.start();
      }
      this.host = config.host();
      this.port = server.port();
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /** Opens the store (migrating it), then starts listening. */
  public static RtkService start(ServiceConfig config) {
    return new RtkService(config);
  }

  public int port() {
    return port;
  }

  /** The base URL clients use, e.g. http://127.0.0.1:8787/client/v4. */
  public String baseUrl() {
    String shownHost = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return "http://" + shownHost + ":" + port + HttpApi.BASE_PATH;
  }

  public Database database() {
    return database;
  }

  public Stores stores() {
    return stores;
  }

  public Catalog catalog() {
    return catalog;
  }

  public SessionEngine engine() {
    return engine;
  }

  public Tokens tokens() {
    return tokens;
  }

  /** Held webhook events: the count for health, the listing for operators. */
  public HeldEvents heldEvents() {
    return held;
  }

  /** The key that signs the webhooks this service sends. */
  public SigningKey signingKey() {
    return signingKey;
  }

  private void reportHeldEvents() {
    try {
      held.reportOverdue();
    } catch (RuntimeException e) {
      // A store outage must not end the schedule; the next run reports what this one could not.
      log.warn("could not check for overdue held webhook events: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    background.shutdownNow();
    if (sender != null) {
      sender.close();
    }
    server.close();
    database.close();
  }
}
