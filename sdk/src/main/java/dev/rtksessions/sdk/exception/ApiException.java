package dev.rtksessions.sdk.exception;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API answered with a non-2xx status. The subclasses name the common statuses; a status
 * without its own subclass (405, 413, 415, ...) is reported as this class itself.
 *
 * <p>The message the API gave is read from {@code error.message} (RealtimeKit's error shape),
 * else {@code errors[0].message} (Cloudflare's v4 shape), else a top-level {@code message}.
 */
public class ApiException extends RealtimeKitException {
  private static final long serialVersionUID = 1L;

  private final int statusCode;
  private final String errorMessage;
  private final String body;
  private final transient JsonNode bodyJson;
  private final transient Map<String, List<String>> headers;
  private final String method;
  private final String url;

  /**
   * @param statusCode the HTTP status
   * @param errorMessage the message from the error body, or null when it had none
   * @param body the raw response body ("" when empty)
   * @param bodyJson the body parsed as JSON, or null when it was not JSON
   * @param headers the response headers
   * @param method the request method
   * @param url the request URL, query included
   */
  public ApiException(int statusCode, String errorMessage, String body, JsonNode bodyJson,
      Map<String, List<String>> headers, String method, String url) {
    super(method + " " + url + " failed with " + statusCode
        + (errorMessage == null ? "" : ": " + errorMessage), null);
    this.statusCode = statusCode;
    this.errorMessage = errorMessage;
    this.body = body;
    this.bodyJson = bodyJson;
    this.headers = Map.copyOf(headers);
    this.method = method;
    this.url = url;
  }

  /**
   * The exception class for a status, so callers can catch by kind.
   *
   * @param statusCode the HTTP status (not 2xx)
   * @param errorMessage the message from the error body, or null
   * @param body the raw body
   * @param bodyJson the parsed body, or null
   * @param headers the response headers
   * @param method the request method
   * @param url the request URL
   * @param retryAfter the server's requested delay, for {@link RateLimitException}
   * @return the matching exception
   */
  public static ApiException of(int statusCode, String errorMessage, String body, JsonNode bodyJson,
      Map<String, List<String>> headers, String method, String url, Duration retryAfter) {
    return switch (statusCode) {
      case 400 -> new BadRequestException(errorMessage, body, bodyJson, headers, method, url);
      case 401 -> new AuthenticationException(errorMessage, body, bodyJson, headers, method, url);
      case 403 -> new PermissionDeniedException(errorMessage, body, bodyJson, headers, method, url);
      case 404 -> new NotFoundException(errorMessage, body, bodyJson, headers, method, url);
      case 409 -> new ConflictException(errorMessage, body, bodyJson, headers, method, url);
      case 422 -> new UnprocessableEntityException(errorMessage, body, bodyJson, headers, method, url);
      case 429 -> new RateLimitException(errorMessage, body, bodyJson, headers, method, url, retryAfter);
      default -> statusCode >= 500
          ? new InternalServerException(statusCode, errorMessage, body, bodyJson, headers, method, url)
          : new ApiException(statusCode, errorMessage, body, bodyJson, headers, method, url);
    };
  }

  /** @return the HTTP status of the answer */
  public int statusCode() {
    return statusCode;
  }

  /** @return the message the API put in the error body, if it gave one */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }

  /** @return the response body exactly as received ("" when there was none) */
  public String body() {
    return body;
  }

  /** @return the response body parsed as JSON, if it was JSON */
  public Optional<JsonNode> bodyJson() {
    return Optional.ofNullable(bodyJson);
  }

  /** @return the response headers, names as the server sent them */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** @return the request method, e.g. {@code GET} */
  public String method() {
    return method;
  }

  /** @return the request URL, query string included */
  public String url() {
    return url;
  }
}
