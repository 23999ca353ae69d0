package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.Ids;
import dev.rtksessions.api.Json;
import dev.rtksessions.engine.Artifacts;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.engine.HeldEvents;
import dev.rtksessions.engine.ParticipantReader;
import dev.rtksessions.engine.SessionEngine;
import dev.rtksessions.engine.SessionReader;
import dev.rtksessions.engine.Tokens;
import dev.rtksessions.engine.Webhooks;
import dev.rtksessions.model.ApiToken;
import dev.rtksessions.model.App;
import dev.rtksessions.model.HeldEvent;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.StorageUnavailableException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface: routes, authentication and access checks, and the translation of every
 * failure into the error envelope. Handlers run on worker threads (they block on JDBC).
 */
public final class HttpApi {
  public static final String BASE_PATH = "/client/v4";
  private static final String ACCOUNT = BASE_PATH + "/accounts/{account_id}/realtime/kit";
  private static final String APP = ACCOUNT + "/{app_id}";
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final HttpString RETRY_AFTER = new HttpString("Retry-After");

  private final Catalog catalog;
  private final Authenticator authenticator;
  private final Database database;
  private final SessionRoutes sessions;
  private final EventRoutes events;
  private final AppRoutes apps;
  private final MeetingRoutes meetings;
  private final WebhookRoutes webhooks;
  private final ArtifactRoutes artifacts;
  private final HeldEvents held;

  public HttpApi(Catalog catalog, SessionEngine engine, SessionReader reader, ParticipantReader participants,
      Tokens tokens, Database database, Duration authCacheTtl, Webhooks webhooks, Artifacts artifacts,
      HeldEvents held) {
    this.held = held;
    this.catalog = catalog;
    this.authenticator = new Authenticator(tokens, authCacheTtl);
    this.database = database;
    this.sessions = new SessionRoutes(reader, participants);
    this.events = new EventRoutes(engine);
    this.apps = new AppRoutes(catalog);
    this.meetings = new MeetingRoutes(catalog, reader);
    this.webhooks = new WebhookRoutes(webhooks);
    this.artifacts = new ArtifactRoutes(artifacts);
  }

  /**
   * Which routes need an app in the path, and which change data. APP_SIGNED routes take no
   * token: the route itself checks a signature (webhooks, signed download links).
   */
  private enum Access { ACCOUNT_READ, ACCOUNT_WRITE, APP_READ, APP_WRITE, APP_SIGNED }

  public HttpHandler handler() {
    RoutingHandler routes = new RoutingHandler(false)
        .get("/healthz", this::health)
        .get(ACCOUNT + "/apps", secured(Access.ACCOUNT_READ, apps::list))
        .post(ACCOUNT + "/apps", secured(Access.ACCOUNT_WRITE, apps::create))
        .get(APP + "/sessions", secured(Access.APP_READ, sessions::list))
        .get(APP + "/sessions/peer-report/{peer_id}", secured(Access.APP_READ, sessions::peerReport))
        .get(APP + "/sessions/{session_id}", secured(Access.APP_READ, sessions::details))
        .get(APP + "/sessions/{session_id}/participants", secured(Access.APP_READ, sessions::participants))
        .get(APP + "/sessions/{session_id}/participants/{participant_id}",
            secured(Access.APP_READ, sessions::participant))
        .post(APP + "/events", secured(Access.APP_WRITE, events::ingest))
        .get(APP + "/meetings", secured(Access.APP_READ, meetings::list))
        .post(APP + "/meetings", secured(Access.APP_WRITE, meetings::create))
        .get(APP + "/meetings/{meeting_id}", secured(Access.APP_READ, meetings::get))
        .add(Methods.PATCH, APP + "/meetings/{meeting_id}", secured(Access.APP_WRITE, meetings::patch))
        .put(APP + "/meetings/{meeting_id}", secured(Access.APP_WRITE, meetings::replace))
        .get(APP + "/meetings/{meeting_id}/active-session", secured(Access.APP_READ, meetings::activeSession))
        .post(APP + "/webhooks/realtimekit", secured(Access.APP_SIGNED, webhooks::receive))
        .get(APP + "/sessions/{session_id}/chat", secured(Access.APP_READ, artifacts::chat))
        .get(APP + "/sessions/{session_id}/transcript", secured(Access.APP_READ, artifacts::transcript))
        .get(APP + "/sessions/{session_id}/summary", secured(Access.APP_READ, artifacts::summary))
        .post(APP + "/sessions/{session_id}/summary", secured(Access.APP_WRITE, artifacts::summarize))
        .put(APP + "/sessions/{session_id}/artifacts/{kind}", secured(Access.APP_WRITE, artifacts::upload))
        .get(APP + "/sessions/{session_id}/artifacts/{kind}", secured(Access.APP_SIGNED, artifacts::download))
        .setFallbackHandler(ex -> send(ex, 404, Envelope.Error.of(ApiException.notFound(
            "no route for " + ex.getRequestMethod() + " " + ex.getRequestPath()))))
        .setInvalidMethodHandler(ex -> send(ex, 405, Envelope.Error.of(new ApiException(405,
            ex.getRequestMethod() + " is not allowed on " + ex.getRequestPath()))));
    HttpHandler withBody = new BlockingHandler(routes);
    return ex -> {
      if (ex.getRequestMethod().equals(Methods.POST) || ex.getRequestMethod().equals(Methods.PUT)
          || ex.getRequestMethod().equals(Methods.PATCH)) {
        withBody.handleRequest(ex);
      } else {
        // Without a body to read, a worker builds the reply and the I/O thread writes it and
        // completes the exchange (see write()).
        ex.dispatch(() -> {
          try {
            routes.handleRequest(ex);
          } catch (Exception e) {
            log.error("internal error on {} {}", ex.getRequestMethod(), ex.getRequestPath(), e);
            send(ex, 500, Envelope.Error.of(new ApiException(500, "internal error")));
          }
        });
      }
    };
  }

  private void health(HttpServerExchange ex) {
    if (database.isReachable()) {
      HeldEvent.Tally tally = held.tally();
      send(ex, 200, Map.of("status", "ok", "held_events", Map.of("waiting", tally.waiting(),
          "overdue", tally.overdue(), "report_after_seconds", held.reportAfter().toSeconds())));
    } else {
      ex.getResponseHeaders().put(RETRY_AFTER, "5");
      send(ex, 503, Map.of("status", "storage unavailable", "storage", database.description()));
    }
  }

  private HttpHandler secured(Access access, Route route) {
    return ex -> {
      Reply reply;
      try {
        Request request = new Request(ex);
        check(request, access);
        reply = route.handle(request);
      } catch (ApiException e) {
        reply = new Reply(e.status(), Envelope.Error.of(e));
      } catch (StorageUnavailableException e) {
        log.warn("storage unavailable for {} {}: {}", ex.getRequestMethod(), ex.getRequestPath(), e.getMessage());
        ex.getResponseHeaders().put(RETRY_AFTER, "1");
        reply = new Reply(503, Envelope.Error.of(new ApiException(503, "storage unavailable, retry later")));
      } catch (RuntimeException e) {
        log.error("internal error on {} {}", ex.getRequestMethod(), ex.getRequestPath(), e);
        reply = new Reply(500, Envelope.Error.of(new ApiException(500, "internal error")));
      }
      send(ex, reply.status(), reply.body());
    };
  }

  private void check(Request request, Access access) {
    if (access == Access.APP_SIGNED) {
      request.resolveApp(app(Ids.accountId(request.path("account_id")), request));
      return;
    }
    ApiToken token = authenticator.authenticate(request.header("Authorization"));
    request.authenticate(token);
    String account = Ids.accountId(request.path("account_id"));
    if (!token.reaches(account)) {
      throw ApiException.forbidden("this token does not grant access to account " + account);
    }
    if ((access == Access.ACCOUNT_WRITE || access == Access.APP_WRITE) && !token.permission().canWrite()) {
      throw ApiException.forbidden("this token has the Realtime (read-only) permission;"
          + " " + request.method() + " needs Realtime Admin");
    }
    if (access == Access.APP_READ || access == Access.APP_WRITE) {
      request.resolveApp(app(account, request));
    }
  }

  private App app(String account, Request request) {
    String appId = Ids.appId(request.path("app_id"));
    return catalog.findApp(account, appId)
        .orElseThrow(() -> ApiException.notFound("app " + appId + " not found in account " + account));
  }

  private static void send(HttpServerExchange ex, int status, Object body) {
    if (body instanceof Reply.File file) {
      write(ex, status, file.contentType(), file.content());
      return;
    }
    byte[] bytes;
    try {
      bytes = Json.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      log.error("cannot write a response body", e);
      status = 500;
      bytes = "{\"success\":false,\"error\":{\"code\":500,\"message\":\"internal error\"}}".getBytes();
    }
    write(ex, status, "application/json", bytes);
  }

  /**
   * A request read in blocking mode (one with a body) is answered on its worker. Any other is
   * answered by the connection's I/O thread, so that the exchange completes on that thread:
   * completed on a worker, Undertow's I/O thread spins until the worker is done with it
   * (HttpReadListener waits on the request state), and on two busy cores a preempted worker
   * kept it spinning for whole time slices (seen: 70 % of the server's CPU at 4,000 list
   * requests/s).
   */
  private static void write(HttpServerExchange ex, int status, String contentType, byte[] bytes) {
    ex.setStatusCode(status);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
    if (!ex.isBlocking()) {
      ex.getIoThread().execute(() -> ex.getResponseSender().send(ByteBuffer.wrap(bytes)));
      return;
    }
    try {
      ex.getOutputStream().write(bytes);
    } catch (IOException e) {
      log.debug("client went away before the response was written: {}", e.getMessage());
    }
  }
}
