package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Params;
import dev.rtksessions.model.ApiToken;
import dev.rtksessions.model.App;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** One HTTP request as the route handlers see it. */
public final class Request {
  private final HttpServerExchange exchange;
  private final Map<String, String> pathParams;
  private ApiToken token;
  private App app;

  Request(HttpServerExchange exchange) {
    this.exchange = exchange;
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    this.pathParams = match == null ? Map.of() : match.getParameters();
  }

  public String path(String name) {
    return pathParams.get(name);
  }

  public Params query() {
    return new Params(exchange.getQueryParameters());
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
    return (semicolon >= 0 ? value.substring(0, semicolon) : value).trim().toLowerCase();
  }

  /** Reads the whole body, refusing one larger than {@code maxBytes} with a 413. */
  public byte[] body(int maxBytes) {
    if (exchange.getRequestContentLength() > maxBytes) {
      throw ApiException.tooLarge("the body must be at most " + maxBytes + " bytes, got "
          + exchange.getRequestContentLength());
    }
    try (InputStream in = exchange.getInputStream()) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw ApiException.tooLarge("the body must be at most " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw ApiException.badRequest("the body could not be read: " + e.getMessage());
    }
  }

  /** The authenticated token; set by the router before any handler runs. */
  public ApiToken token() {
    return token;
  }

  void authenticate(ApiToken token) {
    this.token = token;
  }

  /** The app named by the path, checked to exist in the account; null on account-level routes. */
  public App app() {
    return app;
  }

  void resolveApp(App app) {
    this.app = app;
  }
}
