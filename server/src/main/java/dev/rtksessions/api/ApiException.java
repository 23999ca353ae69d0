package dev.rtksessions.api;

/**
 * A request that cannot be served, with the HTTP status and a message that names what is
 * wrong. Rendered as the error envelope of the wire contract.
 */
public class ApiException extends RuntimeException {
  /** Cloudflare's code for authentication failures, in {@code errors[0].code}. */
  public static final int CLOUDFLARE_AUTH_ERROR = 10000;

  private final int status;
  private final int errorCode;
  private final Object results;

  public ApiException(int status, String message) {
    this(status, status, message, null);
  }

  private ApiException(int status, int errorCode, String message, Object results) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
    this.results = results;
  }

  /** The same failure with per-item outcomes for the error body (events API). */
  public ApiException withResults(Object results) {
    return new ApiException(status, errorCode, getMessage(), results);
  }

  /** Per-item outcomes, or null. */
  public Object results() {
    return results;
  }

  public int status() {
    return status;
  }

  /** The code for {@code errors[0].code}: the HTTP status, or 10000 for authentication. */
  public int errorCode() {
    return errorCode;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, CLOUDFLARE_AUTH_ERROR, "Authentication error: " + detail, null);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  public static ApiException conflict(String message) {
    return new ApiException(409, message);
  }

  public static ApiException tooLarge(String message) {
    return new ApiException(413, message);
  }

  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, message);
  }

  public static ApiException tooManyRequests(String message) {
    return new ApiException(429, message);
  }

  public static ApiException unprocessable(String message) {
    return new ApiException(422, message);
  }
}
