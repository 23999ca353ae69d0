package dev.rtksessions.sdk.exception;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP 429: too many requests. Retried by default; thrown once the retries are used up, with
 * the delay the server asked for so the caller can wait before trying again.
 */
public class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * The exception for one such answer.
   *
   * @param errorMessage the message from the error body, or null when it had none
   * @param body the raw response body ("" when empty)
   * @param bodyJson the body parsed as JSON, or null when it was not JSON
   * @param headers the response headers
   * @param method the request method
   * @param url the request URL, query included
   * @param retryAfter the delay from {@code retry-after-ms} or {@code Retry-After}, or null
   */
  public RateLimitException(String errorMessage, String body, JsonNode bodyJson, Map<String, List<String>> headers,
      String method, String url, Duration retryAfter) {
    super(429, errorMessage, body, bodyJson, headers, method, url);
    this.retryAfter = retryAfter;
  }

  /** @return how long the server asked to wait, if it said */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
