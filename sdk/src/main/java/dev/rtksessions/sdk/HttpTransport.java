package dev.rtksessions.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rtksessions.sdk.exception.ApiConnectionException;
import dev.rtksessions.sdk.exception.ApiException;
import dev.rtksessions.sdk.exception.ApiTimeoutException;
import dev.rtksessions.sdk.exception.InvalidResponseException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends requests and turns answers into JSON or exceptions, retrying the way Cloudflare's
 * TypeScript SDK does (see {@link RealtimeKitClient.Builder#maxRetries(int)} for what is
 * retried, and the narrower rule for the POSTs that create something).
 */
final class HttpTransport {
  private static final ObjectMapper JSON = JsonMapper.builder()
      // Minutes such as 12.3456 stay exact decimals instead of passing through double.
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private static final Duration MAX_HONOURED_RETRY_AFTER = Duration.ofMinutes(1);
  private static final int MAX_MESSAGE_CHARS = 500;
  private static final String NOT_RETRIED = "; not retried, since this POST creates something and the server may"
      + " have done so (RequestOptions.retryNonIdempotent(true) retries it)";

  private final HttpClient http;
  private final RequestOptions defaults;
  private final Sleeper sleeper;
  private final Clock clock;

  HttpTransport(RequestOptions defaults, Duration connectTimeout, Sleeper sleeper, Clock clock) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    this.defaults = defaults;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  JsonNode get(String path, Map<String, String> query, RequestOptions options) {
    return send("GET", path, query, null, true, options);
  }

  /** A POST that can be repeated without harm: it is retried like a GET. */
  JsonNode post(String path, JsonNode body, RequestOptions options) {
    return send("POST", path, Map.of(), body, true, options);
  }

  /** A POST that creates something each time the server carries it out: retried only when it surely was not. */
  JsonNode postNonIdempotent(String path, JsonNode body, RequestOptions options) {
    return send("POST", path, Map.of(), body, false, options);
  }

  private JsonNode send(String method, String path, Map<String, String> query, JsonNode body, boolean idempotent,
      RequestOptions callOptions) {
    RequestOptions o = callOptions.over(defaults);
    Map<String, String> fullQuery = new LinkedHashMap<>(query);
    fullQuery.putAll(o.queryParams);
    String url = o.baseUrl + path + queryString(fullQuery);
    HttpRequest request = request(method, url, body, o);
    boolean retryAnyFailure = idempotent || o.retryNonIdempotent;
    for (int attempt = 1; ; attempt++) {
      boolean retriesLeft = attempt <= o.maxRetries;
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // A connection never made carried no request: retrying it cannot repeat anything.
        boolean notSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
        if (retriesLeft && (notSent || retryAnyFailure)) {
          pause(defaultDelay(attempt - 1), method, url);
          continue;
        }
        throw unanswered(e, method, url, attempt + " attempt(s)" + (retriesLeft ? NOT_RETRIED : ""));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiConnectionException(method, url, "interrupted", e);
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return parseSuccess(response, method, url);
      }
      Optional<Duration> retryAfter = retryAfter(response.headers(), clock);
      if (retriesLeft && shouldRetry(response, retryAnyFailure)) {
        pause(delayBeforeRetry(retryAfter, attempt - 1), method, url);
        continue;
      }
      throw failure(response, method, url, retryAfter.orElse(null));
    }
  }

  /** The SDK's headers, then the call's own, which replace any of the same name. */
  private HttpRequest request(String method, String url, JsonNode body, RequestOptions o) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .timeout(o.timeout)
        .setHeader("Authorization", "Bearer " + o.apiToken)
        .setHeader("Accept", "application/json")
        .setHeader("User-Agent", "rtk-sessions-sdk-java");
    HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
    if (body != null) {
      b.setHeader("Content-Type", "application/json");
      try {
        publisher = HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a JSON tree", e);
      }
    }
    o.headers.forEach(b::setHeader);
    return b.method(method, publisher).build();
  }

  private static ApiConnectionException unanswered(IOException e, String method, String url, String attempts) {
    if (e instanceof HttpTimeoutException) {
      return new ApiTimeoutException(method, url, "no answer within the timeout (" + e.getMessage() + ") after "
          + attempts, e);
    }
    return new ApiConnectionException(method, url, "connection failed after " + attempts + ": " + e, e);
  }

  /**
   * The server's word first ({@code x-should-retry}); else the statuses that may pass on a
   * retry: for any call 408, 409, 429 and 5xx; for a POST that creates something only those
   * that say nothing was done (408: the request never arrived whole; 429: refused unread;
   * 503: unavailable), not 409 or a 500, 502 or 504, after which it may have been.
   */
  private static boolean shouldRetry(HttpResponse<?> response, boolean retryAnyFailure) {
    Optional<String> says = response.headers().firstValue("x-should-retry");
    if (says.isPresent() && (says.get().equals("true") || says.get().equals("false"))) {
      return says.get().equals("true");
    }
    int status = response.statusCode();
    if (retryAnyFailure) {
      return status == 408 || status == 409 || status == 429 || status >= 500;
    }
    return status == 408 || status == 429 || status == 503;
  }

  /** {@code retry-after-ms} (milliseconds), else {@code Retry-After} (seconds or an HTTP date). */
  static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
    Optional<String> ms = headers.firstValue("retry-after-ms");
    if (ms.isPresent()) {
      try {
        return Optional.of(Duration.ofNanos(Math.round(Double.parseDouble(ms.get().trim()) * 1_000_000)));
      } catch (NumberFormatException ignored) {
        // not a number: fall through to Retry-After, as the TypeScript SDK does
      }
    }
    Optional<String> value = headers.firstValue("retry-after").map(String::trim);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(value.get()) * 1000)));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(clock.instant(), at.toInstant());
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /**
   * The server's requested delay when it is positive and under a minute (a zero, as in the
   * TypeScript SDK, or an unreasonable value falls back to the back-off), else the back-off.
   */
  static Duration delayBeforeRetry(Optional<Duration> retryAfter, int retriesDone) {
    return retryAfter.filter(d -> !d.isZero() && !d.isNegative() && d.compareTo(MAX_HONOURED_RETRY_AFTER) < 0)
        .orElseGet(() -> defaultDelay(retriesDone));
  }

  /** Exponential back-off: 0.5 s, 1 s, 2 s, ... capped at 8 s, less up to 25 % jitter. */
  static Duration defaultDelay(int retriesDone) {
    double seconds = Math.min(0.5 * Math.pow(2, retriesDone), 8.0);
    double jitter = 1 - ThreadLocalRandom.current().nextDouble() * 0.25;
    return Duration.ofMillis(Math.round(seconds * jitter * 1000));
  }

  private void pause(Duration delay, String method, String url) {
    try {
      sleeper.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiConnectionException(method, url, "interrupted while waiting to retry", e);
    }
  }

  private static JsonNode parseSuccess(HttpResponse<String> response, String method, String url) {
    String body = response.body();
    try {
      JsonNode json = body.isEmpty() ? null : JSON.readTree(body);
      if (json == null || json.isMissingNode()) {
        throw new InvalidResponseException(method + " " + url + " answered " + response.statusCode()
            + " with an empty body", null);
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new InvalidResponseException(method + " " + url + " answered " + response.statusCode()
          + " with a body that is not JSON: " + abbreviate(body), e);
    }
  }

  private static ApiException failure(HttpResponse<String> response, String method, String url, Duration retryAfter) {
    String body = response.body();
    JsonNode json = null;
    try {
      json = body.isBlank() ? null : JSON.readTree(body);
    } catch (JsonProcessingException notJson) {
      // a proxy's HTML page, say: the text itself is the best message there is
    }
    String message = json != null ? messageOf(json) : (body.isBlank() ? null : abbreviate(body.strip()));
    return ApiException.of(response.statusCode(), message, body, json, response.headers().map(), method, url,
        retryAfter);
  }

  /** RealtimeKit's {@code error.message}, Cloudflare's {@code errors[0].message}, or a bare {@code message}. */
  static String messageOf(JsonNode body) {
    JsonNode error = body.path("error");
    if (error.path("message").isTextual()) {
      return error.path("message").textValue();
    }
    if (error.isTextual()) {
      return error.textValue();
    }
    JsonNode first = body.path("errors").path(0).path("message");
    if (first.isTextual()) {
      return first.textValue();
    }
    return body.path("message").isTextual() ? body.path("message").textValue() : null;
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "...";
  }

  private static String queryString(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("?");
    query.forEach((k, v) -> {
      if (sb.length() > 1) {
        sb.append('&');
      }
      sb.append(encode(k)).append('=').append(encode(v));
    });
    return sb.toString();
  }

  /**
   * Percent-encodes all but RFC 3986's unreserved characters, as the TypeScript SDK's query
   * writer does: a space is {@code %20} (not {@code +}) and {@code :} is {@code %3A}.
   */
  static String encode(String value) {
    StringBuilder sb = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append(c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return sb.toString();
  }
}
