package dev.rtksessions.service;

import dev.rtksessions.engine.Artifacts;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.engine.ParticipantReader;
import dev.rtksessions.engine.SessionEngine;
import dev.rtksessions.engine.SessionReader;
import dev.rtksessions.engine.Tokens;
import dev.rtksessions.engine.Webhooks;
import dev.rtksessions.http.HttpApi;
import dev.rtksessions.http.HttpServer;
import dev.rtksessions.http.RateLimits;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;

/** The whole service wired together: storage, engine and HTTP server. Close it to stop. */
public final class RtkService implements AutoCloseable {
  private final Database database;
  private final Stores stores;
  private final Catalog catalog;
  private final SessionEngine engine;
  private final Tokens tokens;
  private final HttpServer server;
  private final int port;
  private final String host;

  private RtkService(ServiceConfig config) {
    this.database = Database.open(config.databaseUrl(), config.poolSize());
    try {
      this.stores = Stores.on(database);
      this.catalog = new Catalog(stores, config.clock());
      this.engine = new SessionEngine(stores, config.clock());
      this.tokens = new Tokens(stores.tokens(), config.clock());
      SessionReader reader = new SessionReader(stores, config.clock(), config.listCacheSize());
      ParticipantReader participants = new ParticipantReader(stores, config.clock());
      Webhooks webhooks = new Webhooks(stores, engine, config.clock(), config.webhookPublicKey());
      Artifacts artifacts = new Artifacts(stores, config.clock());
      HttpApi api = new HttpApi(catalog, engine, reader, participants, tokens, database, config.authCacheTtl(),
          webhooks, artifacts, new RateLimits(config.rateLimitPerToken(), config.rateLimitPerApp(), config.clock()));
      // As many workers as connections: requests then wait in the workers' FIFO queue, not for a
      // pool connection, whose hand-off is not first come first served (with twice as many
      // workers, the list's p99 was 10 times its p90 under load).
      this.server = HttpServer.start(config.host(), config.port(), config.poolSize(), api.handler());
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

  @Override
  public void close() {
    server.close();
    database.close();
  }
}
