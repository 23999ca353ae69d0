package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Ids;
import dev.rtksessions.api.Params;
import dev.rtksessions.api.PercentEncoding;
import dev.rtksessions.model.ApiToken;
import dev.rtksessions.model.App;
import dev.rtksessions.model.ArtifactKind;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP request as the route handlers see it. */
public final class Request {
  private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([^}]+)}");

  private final HttpServerExchange exchange;
  private final Map<String, String> path = new HashMap<>();
  private Params query;
  private byte[] body;
  private ApiToken token;
  private App app;

  Request(HttpServerExchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Decodes the path's parameters and checks each against its rule (ids, the artifact kind):
   * a 400 that names the first malformed one. The router calls it after authentication.
   */
  void readPath() {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    if (match == null) {
      return;
    }
    // In the template's order, so the first malformed segment of the path is the one named.
    Matcher names = TEMPLATE_PARAMETER.matcher(match.getMatchedTemplate());
    while (names.find()) {
      String name = names.group(1);
      String value;
      try {
        value = PercentEncoding.decode(match.getParameters().get(name), false);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest(name + " in the path is not valid percent-encoding: " + e.getMessage());
      }
      path.put(name, switch (name) {
        case "account_id" -> Ids.accountId(value);
        case "app_id" -> Ids.appId(value);
        case "kind" -> kind(value);
        default -> Ids.entityId(name, value);
      });
    }
  }

  private static String kind(String value) {
    if (ArtifactKind.fromWire(value) == null) {
      throw ApiException.badRequest("the artifact kind must be one of chat, transcript, summary, got "
          + Params.quote(value));
    }
    return value;
  }

  /** A parameter of the path, decoded and checked against its rule. */
  public String path(String name) {
    return path.get(name);
  }

  /** The query, decoded on first use (a 400 when it is malformed). */
  public Params query() {
    if (query == null) {
      query = Params.parse(exchange.getQueryString());
    }
    return query;
  }

  public String method() {
    return exchange.getRequestMethod().toString();
  }

  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /**
   * Scheme, host and port as the client addressed this server ({@code http://host:port}),
   * from the Host header; for links the client can follow back.
   */
  public String origin() {
    return exchange.getRequestScheme() + "://" + exchange.getHostAndPort();
  }

  /** The media type of the body without parameters, lower-cased; null when absent. */
  public String contentType() {
    String value = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
    if (value == null) {
      return null;
    }
    int semicolon = value.indexOf(';');
    return (semicolon >= 0 ? value.substring(0, semicolon) : value).trim().toLowerCase(Locale.ROOT);
  }

  /** The whole body, read by the router before the route runs (routes declared with a Body). */
  public byte[] body() {
    if (body == null) {
      throw new IllegalStateException("this route was not declared to read a body");
    }
    return body;
  }

  void body(byte[] bytes) {
    this.body = bytes;
  }

  /** The authenticated token; null on routes that take no token. */
  public ApiToken token() {
    return token;
  }

  void authenticate(ApiToken token) {
    this.token = token;
  }

  /** The app named by the path, checked to exist in the account; null on account-level and signed routes. */
  public App app() {
    return app;
  }

  void resolveApp(App app) {
    this.app = app;
  }
}
