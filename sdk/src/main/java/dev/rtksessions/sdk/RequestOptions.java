package dev.rtksessions.sdk;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options of one call, overriding the client's settings for that call only, as stripe-java's
 * {@code RequestOptions} do. Every service method takes them as an optional last argument; the
 * pages an auto-pager fetches use the options of the call that fetched the first page.
 *
 * <pre>{@code
 * RequestOptions slow = RequestOptions.builder()
 *     .timeout(Duration.ofMinutes(2))
 *     .maxRetries(5)
 *     .putHeader("X-Request-Id", requestId)
 *     .build();
 * client.realtimeKit().sessions().getSessions(appId, params, slow);
 * }</pre>
 *
 * <p>Immutable; a value left unset keeps the client's.
 */
public final class RequestOptions {
  private static final RequestOptions NONE = builder().build();

  final String apiToken;
  final String baseUrl;
  final Duration timeout;
  final Integer maxRetries;
  final Boolean retryNonIdempotent;
  final Map<String, String> headers;
  final Map<String, String> queryParams;

  private RequestOptions(Builder b) {
    this.apiToken = b.apiToken;
    this.baseUrl = b.baseUrl;
    this.timeout = b.timeout;
    this.maxRetries = b.maxRetries;
    this.retryNonIdempotent = b.retryNonIdempotent;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
    this.queryParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.queryParams));
  }

  /** @return options that change nothing: every call made with them uses the client's settings */
  public static RequestOptions none() {
    return NONE;
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding these options */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.apiToken = apiToken;
    b.baseUrl = baseUrl;
    b.timeout = timeout;
    b.maxRetries = maxRetries;
    b.retryNonIdempotent = retryNonIdempotent;
    b.headers.putAll(headers);
    b.queryParams.putAll(queryParams);
    return b;
  }

  /**
   * These options over {@code defaults}: each value set here wins, the others come from
   * {@code defaults}; headers and query parameters are merged, these winning on a shared name.
   */
  RequestOptions over(RequestOptions defaults) {
    Builder b = defaults.toBuilder();
    b.apiToken = apiToken != null ? apiToken : defaults.apiToken;
    b.baseUrl = baseUrl != null ? baseUrl : defaults.baseUrl;
    b.timeout = timeout != null ? timeout : defaults.timeout;
    b.maxRetries = maxRetries != null ? maxRetries : defaults.maxRetries;
    b.retryNonIdempotent = retryNonIdempotent != null ? retryNonIdempotent : defaults.retryNonIdempotent;
    b.headers.putAll(headers);
    b.queryParams.putAll(queryParams);
    return b.build();
  }

  /** Collects the options; every setter checks its value at once. */
  public static final class Builder {
    private String apiToken;
    private String baseUrl;
    private Duration timeout;
    private Integer maxRetries;
    private Boolean retryNonIdempotent;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> queryParams = new LinkedHashMap<>();

    private Builder() {}

    /**
     * @param apiToken the token to send instead of the client's
     * @return this builder
     */
    public Builder apiToken(String apiToken) {
      if (apiToken == null || apiToken.isBlank()) {
        throw new IllegalArgumentException("apiToken must not be blank");
      }
      this.apiToken = apiToken.strip();
      return this;
    }

    /**
     * @param baseUrl the API root to call instead of the client's, e.g.
     *     {@code http://localhost:8080/client/v4}
     * @return this builder
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without query
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = Paths.checkedBaseUrl(baseUrl);
      return this;
    }

    /**
     * @param timeout the limit on each attempt, until the answer's headers arrive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = RealtimeKitClient.positive(timeout, "timeout");
      return this;
    }

    /**
     * @param maxRetries how many times this call may be retried; 0 turns retries off
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = RealtimeKitClient.notNegative(maxRetries);
      return this;
    }

    /**
     * Whether a POST that creates something ({@code apps().post}, {@code meetings().create})
     * is retried like the other calls, after a timeout or a dropped connection and on every
     * retryable status, although a first attempt the server did carry out would then create a
     * second app or meeting. By default such a POST is retried only when it surely was not
     * carried out; see {@link RealtimeKitClient.Builder#maxRetries(int)}.
     *
     * @param retryNonIdempotent true to retry such a POST like any other call
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /**
     * Adds a header to the request, replacing one the SDK sets under the same name (such as
     * {@code Authorization} or {@code User-Agent}).
     *
     * @param name the header name
     * @param value its value
     * @return this builder
     * @throws IllegalArgumentException if the JDK's HTTP client does not allow the header
     *     ({@code Host}, {@code Content-Length}, ...) or the name or value is malformed
     */
    public Builder putHeader(String name, String value) {
      HttpRequest.newBuilder().setHeader(name, value); // the JDK's own check of name and value
      headers.put(name, value);
      return this;
    }

    /**
     * Adds a query string parameter, replacing one the params send under the same name.
     *
     * @param name the parameter's wire name, e.g. {@code status}
     * @param value its value, not yet percent-encoded
     * @return this builder
     */
    public Builder putQueryParam(String name, String value) {
      if (name == null || name.isEmpty() || value == null) {
        throw new IllegalArgumentException("a query parameter needs a name and a value, got " + name + "=" + value);
      }
      queryParams.put(name, value);
      return this;
    }

    /** @return the options */
    public RequestOptions build() {
      return new RequestOptions(this);
    }
  }
}
