package dev.rtksessions.sdk;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point: a client of Cloudflare RealtimeKit's API, or of an rtk-sessions server,
 * which speaks the same API under its own base URL.
 *
 * <pre>{@code
 * RealtimeKitClient client = RealtimeKitClient.builder()
 *     .apiToken("...")                       // or CLOUDFLARE_API_TOKEN
 *     .baseUrl("http://localhost:8080/client/v4")  // or CLOUDFLARE_BASE_URL; default Cloudflare
 *     .build();
 * client.realtimeKit().sessions().getSessions(appId, params);
 * }</pre>
 *
 * <p>Thread-safe; build one and share it. Every request carries
 * {@code Authorization: Bearer <token>}; failures are retried as described on
 * {@link Builder#maxRetries(int)}. {@link RequestOptions} change any of this for one call.
 */
public final class RealtimeKitClient {
  /** Where Cloudflare serves the API, used when neither the builder nor the environment names another. */
  public static final String DEFAULT_BASE_URL = "https://api.cloudflare.com/client/v4";
  /** The environment variable holding the API token, as in Cloudflare's SDKs. */
  public static final String API_TOKEN_ENV = "CLOUDFLARE_API_TOKEN";
  /** The environment variable holding the base URL, as in Cloudflare's SDKs. */
  public static final String BASE_URL_ENV = "CLOUDFLARE_BASE_URL";

  private final RequestOptions defaults;
  private final Duration connectTimeout;
  private final RealtimeKitService realtimeKit;

  private RealtimeKitClient(RequestOptions defaults, Duration connectTimeout, Sleeper sleeper, Clock clock) {
    this.defaults = defaults;
    this.connectTimeout = connectTimeout;
    this.realtimeKit = new RealtimeKitService(new HttpTransport(defaults, connectTimeout, sleeper, clock));
  }

  /** @return a builder that reads the environment for what is not set explicitly */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the RealtimeKit resources: sessions, active session, apps, meetings */
  public RealtimeKitService realtimeKit() {
    return realtimeKit;
  }

  /** @return the base URL requests go to, without a trailing slash */
  public String baseUrl() {
    return defaults.baseUrl;
  }

  /** @return the limit on establishing a connection */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return the limit on each attempt of a request, until the answer's headers arrive */
  public Duration timeout() {
    return defaults.timeout;
  }

  /** @return how many times a failed request is retried */
  public int maxRetries() {
    return defaults.maxRetries;
  }

  static Duration positive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
    return d;
  }

  static int notNegative(int maxRetries) {
    if (maxRetries < 0) {
      throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
    }
    return maxRetries;
  }

  /** Configures a {@link RealtimeKitClient}; values set here win over the environment. */
  public static final class Builder {
    private String apiToken;
    private String baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration timeout = Duration.ofSeconds(60);
    private int maxRetries = 2;
    private boolean retryNonIdempotent;
    private Sleeper sleeper = Sleeper.THREAD_SLEEP;
    private Clock clock = Clock.systemUTC();
    private Map<String, String> environment = System.getenv();

    private Builder() {}

    /**
     * @param apiToken a Cloudflare API token with the Realtime or Realtime Admin permission
     *     (or an rtk-sessions token); default: {@code CLOUDFLARE_API_TOKEN}
     * @return this builder
     */
    public Builder apiToken(String apiToken) {
      this.apiToken = apiToken;
      return this;
    }

    /**
     * @param baseUrl the API root, e.g. {@code http://localhost:8080/client/v4}; default:
     *     {@code CLOUDFLARE_BASE_URL}, else {@value RealtimeKitClient#DEFAULT_BASE_URL}
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * @param connectTimeout the limit on establishing a connection (default 10 s)
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /**
     * @param timeout the limit on each attempt of a request, until the answer's headers
     *     arrive (default 60 s, as in Cloudflare's TypeScript SDK); an attempt that runs out is
     *     retried, and the last one raises {@link dev.rtksessions.sdk.exception.ApiTimeoutException}
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = positive(timeout, "timeout");
      return this;
    }

    /**
     * How many times a request is retried (default 2, so at most 3 attempts).
     *
     * <p>Retried, as in Cloudflare's TypeScript SDK: connection failures, timeouts, and the
     * statuses 408, 409, 429 and 5xx; a response header {@code x-should-retry: true|false}
     * overrides the status rule. The wait before a retry is what {@code retry-after-ms} or
     * {@code Retry-After} (seconds or an HTTP date) asks when that is under a minute, else
     * {@code min(0.5 * 2^n, 8)} seconds less up to 25 % jitter.
     *
     * <p>Except for the POSTs that create something, {@code apps().post} and
     * {@code meetings().create}: a second attempt after one the server carried out would create
     * a second app or meeting, so they are retried only when the first surely was not carried
     * out: when the connection could not be made (refused, or the connect timeout), and on the
     * answers 408, 429 and 503 (or {@code x-should-retry: true}), with which the server says it
     * did nothing. After a timeout waiting for the answer, a dropped connection, or another
     * status they fail at once; {@link #retryNonIdempotent(boolean)} or
     * {@link RequestOptions.Builder#retryNonIdempotent(boolean)} retries them like the rest.
     * Every other call, {@code events().post} and {@code generateSummaryOfTranscripts}
     * included, is idempotent: events carry their own ids, and a summary is built once.
     *
     * @param maxRetries 0 or more; 0 turns retries off
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = notNegative(maxRetries);
      return this;
    }

    /**
     * @param retryNonIdempotent true to retry {@code apps().post} and {@code meetings().create}
     *     like any other call (default false; see {@link #maxRetries(int)})
     * @return this builder
     */
    public Builder retryNonIdempotent(boolean retryNonIdempotent) {
      this.retryNonIdempotent = retryNonIdempotent;
      return this;
    }

    /**
     * @param sleeper what waits before a retry (default: {@link Sleeper#THREAD_SLEEP}); tests
     *     pass one that records the delays
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * @param clock what {@code Retry-After} dates are measured against (default: the system's UTC clock)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Replaces the process environment as the source of {@code CLOUDFLARE_API_TOKEN} and
     * {@code CLOUDFLARE_BASE_URL}, e.g. with {@code Map.of()} to ignore it in tests.
     *
     * @param environment variable names to values
     * @return this builder
     */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(environment);
      return this;
    }

    /**
     * @return the client
     * @throws IllegalStateException if no API token was given here or in the environment
     * @throws IllegalArgumentException if the base URL is not an absolute http(s) URL
     */
    public RealtimeKitClient build() {
      String token = firstNonBlank(apiToken, environment.get(API_TOKEN_ENV));
      if (token == null) {
        throw new IllegalStateException("no API token: call apiToken(...) or set " + API_TOKEN_ENV);
      }
      String url = firstNonBlank(baseUrl, environment.get(BASE_URL_ENV));
      RequestOptions defaults = RequestOptions.builder()
          .apiToken(token)
          .baseUrl(url == null ? DEFAULT_BASE_URL : url)
          .timeout(timeout)
          .maxRetries(maxRetries)
          .retryNonIdempotent(retryNonIdempotent)
          .build();
      return new RealtimeKitClient(defaults, connectTimeout, sleeper, clock);
    }

    private static String firstNonBlank(String explicit, String fromEnv) {
      if (explicit != null && !explicit.isBlank()) {
        return explicit;
      }
      return fromEnv != null && !fromEnv.isBlank() ? fromEnv.strip() : null;
    }
  }
}
