package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.Json;
import dev.rtksessions.engine.Artifacts;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.engine.Health;
import dev.rtksessions.engine.LiveKitWebhooks;
import dev.rtksessions.engine.ParticipantReader;
import dev.rtksessions.engine.SessionEngine;
import dev.rtksessions.engine.SessionReader;
import dev.rtksessions.engine.StoreFailures;
import dev.rtksessions.engine.Tokens;
import dev.rtksessions.engine.Webhooks;
import dev.rtksessions.engine.WebhooksOut;
import dev.rtksessions.model.ApiToken;
import dev.rtksessions.model.App;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.protocol.http.HttpContinue;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * The HTTP surface: routes, authentication and access checks, and the translation of every
 * failure into the error envelope. Handlers run on worker threads (they block on JDBC); no
 * thread waits for a client (bodies are read by BodyReader, answers written by the I/O thread).
 */
public final class HttpApi {
  public static final String BASE_PATH = "/client/v4";
  private static final String ACCOUNT = BASE_PATH + "/accounts/{account_id}/realtime/kit";
  private static final String APP = ACCOUNT + "/{app_id}";
  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);
  private static final HttpString RETRY_AFTER = new HttpString("Retry-After");
  private static final HttpString RATELIMIT = new HttpString("Ratelimit");
  private static final HttpString RATELIMIT_POLICY = new HttpString("Ratelimit-Policy");
  private static final HttpString NOSNIFF_HEADER = new HttpString("X-Content-Type-Options");
  private static final HttpString CSP_HEADER = new HttpString("Content-Security-Policy");

  private final Catalog catalog;
  private final Authenticator authenticator;
  private final SessionRoutes sessions;
  private final EventRoutes events;
  private final AppRoutes apps;
  private final MeetingRoutes meetings;
  private final WebhookRoutes webhooks;
  private final ArtifactRoutes artifacts;
  private final WebhookSubscriptionRoutes subscriptions;
  private final String signingKeyPem;
  private final Health health;
  private final RateLimits rateLimits;

  public HttpApi(Catalog catalog, SessionEngine engine, SessionReader reader, ParticipantReader participants,
      Tokens tokens, Health health, Duration authCacheTtl, Webhooks webhooks, Artifacts artifacts,
      RateLimits rateLimits, LiveKitWebhooks liveKit, WebhooksOut webhooksOut, String signingKeyPem) {
    this.health = health;
    this.catalog = catalog;
    this.rateLimits = rateLimits;
    this.authenticator = new Authenticator(tokens, authCacheTtl);
    this.sessions = new SessionRoutes(reader, participants);
    this.events = new EventRoutes(engine);
    this.apps = new AppRoutes(catalog);
    this.meetings = new MeetingRoutes(catalog, reader);
    this.webhooks = new WebhookRoutes(catalog, webhooks, liveKit);
    this.artifacts = new ArtifactRoutes(artifacts, catalog);
    this.subscriptions = new WebhookSubscriptionRoutes(webhooksOut);
    this.signingKeyPem = signingKeyPem;
  }

  /**
   * Which routes need an app in the path, and which change data. SIGNED routes take no token:
   * the route itself checks a signature (webhooks, signed download links).
   */
  private enum Access { ACCOUNT_READ, ACCOUNT_WRITE, APP_READ, APP_WRITE, SIGNED }

  /**
   * The body a route reads: at most {@code maxBytes}, read only after the access checks and
   * {@code check} (what the route refuses on its headers alone, such as a media type) passed.
   */
  private record Body(int maxBytes, Consumer<Request> check) {
    static Body upTo(int maxBytes) {
      return new Body(maxBytes, request -> { });
    }
  }

  public HttpHandler handler() {
    return new RoutingHandler(false)
        .get("/healthz", ex -> ex.dispatch(() -> health(ex)))
        .get(ACCOUNT + "/apps", route(Access.ACCOUNT_READ, apps::list))
        .post(ACCOUNT + "/apps", route(Access.ACCOUNT_WRITE, Body.upTo(AppRoutes.MAX_BODY_BYTES), apps::create))
        .get(APP + "/sessions", route(Access.APP_READ, sessions::list))
        .get(APP + "/sessions/peer-report/{peer_id}", route(Access.APP_READ, sessions::peerReport))
        .get(APP + "/sessions/{session_id}", route(Access.APP_READ, sessions::details))
        .get(APP + "/sessions/{session_id}/participants", route(Access.APP_READ, sessions::participants))
        .get(APP + "/sessions/{session_id}/participants/{participant_id}",
            route(Access.APP_READ, sessions::participant))
        .post(APP + "/events", route(Access.APP_WRITE,
            new Body(EventRoutes.MAX_BODY_BYTES, EventRoutes::ndjson), events::ingest))
        .get(APP + "/meetings", route(Access.APP_READ, meetings::list))
        .post(APP + "/meetings", route(Access.APP_WRITE, Body.upTo(MeetingRoutes.MAX_BODY_BYTES), meetings::create))
        .get(APP + "/meetings/{meeting_id}", route(Access.APP_READ, meetings::get))
        .add(Methods.PATCH, APP + "/meetings/{meeting_id}",
            route(Access.APP_WRITE, Body.upTo(MeetingRoutes.MAX_BODY_BYTES), meetings::patch))
        .put(APP + "/meetings/{meeting_id}",
            route(Access.APP_WRITE, Body.upTo(MeetingRoutes.MAX_BODY_BYTES), meetings::replace))
        .get(APP + "/meetings/{meeting_id}/active-session", route(Access.APP_READ, meetings::activeSession))
        .post(APP + "/webhooks/realtimekit",
            route(Access.SIGNED, Body.upTo(WebhookRoutes.MAX_BODY_BYTES), webhooks::receive))
        .post(APP + "/webhooks/livekit",
            route(Access.SIGNED, Body.upTo(WebhookRoutes.MAX_BODY_BYTES), webhooks::receiveLiveKit))
        .get(BASE_PATH + "/realtime/kit/webhook-signing-key", ex -> send(ex, 200,
            Envelope.of(Map.of("public_key", signingKeyPem))))
        .get(APP + "/webhooks", route(Access.APP_READ, subscriptions::list))
        .post(APP + "/webhooks",
            route(Access.APP_WRITE, Body.upTo(WebhookSubscriptionRoutes.MAX_BODY_BYTES), subscriptions::create))
        .get(APP + "/webhooks/all", route(Access.APP_READ, subscriptions::events))
        .get(APP + "/webhooks/{webhook_id}", route(Access.APP_READ, subscriptions::get))
        .add(Methods.PATCH, APP + "/webhooks/{webhook_id}",
            route(Access.APP_WRITE, Body.upTo(WebhookSubscriptionRoutes.MAX_BODY_BYTES), subscriptions::edit))
        .put(APP + "/webhooks/{webhook_id}",
            route(Access.APP_WRITE, Body.upTo(WebhookSubscriptionRoutes.MAX_BODY_BYTES), subscriptions::replace))
        .delete(APP + "/webhooks/{webhook_id}", route(Access.APP_WRITE, subscriptions::delete))
        .get(APP + "/webhooks/{webhook_id}/deliveries", route(Access.APP_READ, subscriptions::deliveries))
        .get(APP + "/sessions/{session_id}/chat", route(Access.APP_READ, artifacts::chat))
        .get(APP + "/sessions/{session_id}/transcript", route(Access.APP_READ, artifacts::transcript))
        .get(APP + "/sessions/{session_id}/summary", route(Access.APP_READ, artifacts::summary))
        .post(APP + "/sessions/{session_id}/summary", route(Access.APP_WRITE, artifacts::summarize))
        .put(APP + "/sessions/{session_id}/artifacts/{kind}",
            route(Access.APP_WRITE, Body.upTo(ArtifactRoutes.MAX_UPLOAD_BYTES), artifacts::upload))
        .get(APP + "/sessions/{session_id}/artifacts/{kind}", route(Access.SIGNED, artifacts::download))
        .setFallbackHandler(ex -> send(ex, 404, Envelope.Error.of(ApiException.notFound(
            "no route for " + ex.getRequestMethod() + " " + ex.getRequestPath()))))
        .setInvalidMethodHandler(ex -> send(ex, 405, Envelope.Error.of(new ApiException(405,
            ex.getRequestMethod() + " is not allowed on " + ex.getRequestPath()))));
  }

  private void health(HttpServerExchange ex) {
    Health.Status status = health.check();
    if (status.storeReachable()) {
      send(ex, 200, Map.of("status", "ok", "held_events", Map.of("waiting", status.held().waiting(),
          "overdue", status.held().overdue(), "report_after_seconds", status.heldReportAfterSeconds())));
    } else {
      ex.getResponseHeaders().put(RETRY_AFTER, "5");
      send(ex, 503, Map.of("status", "storage unavailable", "storage", status.store()));
    }
  }

  private HttpHandler route(Access access, Route route) {
    return route(access, null, route);
  }

  /**
   * Routing runs on the I/O thread; everything else on a worker (JDBC blocks), the body read in
   * between without one (BodyReader).
   */
  private HttpHandler route(Access access, Body body, Route route) {
    return ex -> ex.dispatch(() -> {
      Request request = new Request(ex);
      Reply now = answerOf(ex, () -> {
        check(ex, request, access);
        if (body == null) {
          return route.handle(request);
        }
        body.check().accept(request);
        BodyReader.read(ex, body.maxBytes(), bytes -> answer(ex, () -> {
          request.body(bytes);
          return route.handle(request);
        }), tooLarge -> send(ex, tooLarge.status(), Envelope.Error.of(tooLarge)));
        return null; // answered once the body is in
      });
      if (now != null) {
        send(ex, now.status(), now.body());
      }
    });
  }

  private static void answer(HttpServerExchange ex, Supplier<Reply> handling) {
    Reply reply = answerOf(ex, handling);
    send(ex, reply.status(), reply.body());
  }

  /** What {@code handling} answers, or the error envelope for what it threw. */
  private static Reply answerOf(HttpServerExchange ex, Supplier<Reply> handling) {
    try {
      return handling.get();
    } catch (ApiException e) {
      return new Reply(e.status(), Envelope.Error.of(e));
    } catch (RuntimeException e) {
      if (StoreFailures.isUnavailable(e)) {
        log.warn("storage unavailable for {} {}: {}", ex.getRequestMethod(), ex.getRequestPath(), e.getMessage());
        ex.getResponseHeaders().put(RETRY_AFTER, "1");
        return new Reply(503, Envelope.Error.of(new ApiException(503, "storage unavailable, retry later")));
      }
      log.error("internal error on {} {}", ex.getRequestMethod(), ex.getRequestPath(), e);
      return new Reply(500, Envelope.Error.of(new ApiException(500, "internal error")));
    }
  }

  /**
   * The order of docs/api.md: authentication (401), the path's ids (400), the token's account
   * and permission (403), the app (404), the rate limits (429). Signed routes check their
   * signature themselves, with the app, so that an unknown app is answered like a bad signature.
   */
  private void check(HttpServerExchange ex, Request request, Access access) {
    ApiToken token = null;
    if (access != Access.SIGNED) {
      token = authenticator.authenticate(request.header("Authorization"));
      request.authenticate(token);
    }
    request.readPath();
    if (access == Access.SIGNED) {
      return;
    }
    String account = request.path("account_id");
    if (!token.reaches(account)) {
      throw ApiException.forbidden("this token does not grant access to account " + account);
    }
    if ((access == Access.ACCOUNT_WRITE || access == Access.APP_WRITE) && !token.permission().canWrite()) {
      throw ApiException.forbidden("this token has the Realtime (read-only) permission;"
          + " " + request.method() + " needs Realtime Admin");
    }
    if (access == Access.APP_READ || access == Access.APP_WRITE) {
      String appId = request.path("app_id");
      request.resolveApp(catalog.findApp(account, appId)
          .orElseThrow(() -> ApiException.notFound("app " + appId + " not found in account " + account)));
    }
    limit(ex, token, request.app());
  }

  /** Takes the request from the token's and the app's quotas; the headers go on every answer. */
  private void limit(HttpServerExchange ex, ApiToken token, App app) {
    RateLimits.Outcome outcome = rateLimits.take(token, app);
    if (outcome == null) {
      return;
    }
    ex.getResponseHeaders().put(RATELIMIT, outcome.state());
    ex.getResponseHeaders().put(RATELIMIT_POLICY, outcome.policy());
    if (!outcome.allowed()) {
      ex.getResponseHeaders().put(RETRY_AFTER, Long.toString(outcome.retrySeconds()));
      throw ApiException.tooManyRequests("rate limit exceeded: at most " + outcome.limit().requests()
          + " requests per " + outcome.limit().window().toSeconds() + " s per " + outcome.per()
          + "; retry after " + outcome.retrySeconds() + " s");
    }
  }

  private static void send(HttpServerExchange ex, int status, Object body) {
    if (body instanceof Reply.File file) {
      // Uploaded bytes, served from the service's origin: never a page of it. Browsers take the
      // type as given (nosniff), run nothing in it (the sandbox, no sources), and save rather
      // than show what is not one of the expected text types.
      ex.getResponseHeaders().put(NOSNIFF_HEADER, "nosniff");
      ex.getResponseHeaders().put(CSP_HEADER, "default-src 'none'; sandbox");
      if (file.attachmentName() != null) {
        ex.getResponseHeaders().put(Headers.CONTENT_DISPOSITION, "attachment; filename=\"" + file.attachmentName()
            + "\"");
      }
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
   * Answers are written by the connection's I/O thread, so that the exchange completes on that
   * thread: completed on a worker, Undertow's I/O thread spins until the worker is done with it
   * (HttpReadListener waits on the request state), and on two busy cores a preempted worker
   * kept it spinning for whole time slices (seen: 70 % of the server's CPU at 4,000 list
   * requests/s).
   */
  private static void write(HttpServerExchange ex, int status, String contentType, byte[] bytes) {
    ex.setStatusCode(status);
    ex.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
    ex.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
    if (ex.isInIoThread()) {
      sendOnIoThread(ex, ByteBuffer.wrap(bytes));
    } else {
      ex.getIoThread().execute(() -> sendOnIoThread(ex, ByteBuffer.wrap(bytes)));
    }
  }

  /**
   * A request answered before its body was read (or while reading it) ends only once the rest
   * of the body is discarded (BodyReader); a client that announced {@code Expect: 100-continue}
   * sends no body unless told to, and is disconnected after the answer instead.
   */
  private static void sendOnIoThread(HttpServerExchange ex, ByteBuffer bytes) {
    if (ex.isRequestComplete()) {
      ex.getResponseSender().send(bytes);
      return;
    }
    if (HttpContinue.requiresContinueResponse(ex.getRequestHeaders())) {
      ex.setPersistent(false);
      ex.getResponseSender().send(bytes);
      return;
    }
    AtomicInteger pending = new AtomicInteger(2); // the answer sent, the body discarded
    Runnable end = () -> {
      if (pending.decrementAndGet() == 0) {
        ex.endExchange();
      }
    };
    ex.getResponseSender().send(bytes, new IoCallback() {
      @Override
      public void onComplete(HttpServerExchange exchange, Sender sender) {
        end.run();
      }

      @Override
      public void onException(HttpServerExchange exchange, Sender sender, IOException e) {
        IoUtils.safeClose(exchange.getConnection());
      }
    });
    BodyReader.discardRest(ex, end);
  }
}
