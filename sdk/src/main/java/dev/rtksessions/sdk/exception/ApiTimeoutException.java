package dev.rtksessions.sdk.exception;

/**
 * The connection or the answer took longer than the configured timeout, on every attempt.
 * A kind of {@link ApiConnectionException}, so catching that one covers both.
 */
public class ApiTimeoutException extends ApiConnectionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param method the request method
   * @param url the request URL
   * @param detail what went wrong
   * @param cause the last timeout
   */
  public ApiTimeoutException(String method, String url, String detail, Throwable cause) {
    super(method, url, detail, cause);
  }
}
