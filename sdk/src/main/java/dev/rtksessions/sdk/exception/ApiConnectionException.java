package dev.rtksessions.sdk.exception;

/**
 * No answer: the connection could not be made, was dropped, or the call was interrupted.
 * Thrown after the retries are used up; {@link #getCause()} holds the last I/O failure.
 */
public class ApiConnectionException extends RealtimeKitException {
  private static final long serialVersionUID = 1L;

  private final String method;
  private final String url;

  /**
   * @param method the request method
   * @param url the request URL
   * @param detail what went wrong
   * @param cause the underlying failure
   */
  public ApiConnectionException(String method, String url, String detail, Throwable cause) {
    super(method + " " + url + ": " + detail, cause);
    this.method = method;
    this.url = url;
  }

  /** @return the request method */
  public String method() {
    return method;
  }

  /** @return the request URL, query string included */
  public String url() {
    return url;
  }
}
