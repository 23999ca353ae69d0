package dev.rtksessions.sdk.exception;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 5xx: the server failed or is unavailable (503 while its storage is down). Retried by default. */
public class InternalServerException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception for one such answer.
   *
   * @param statusCode the HTTP status, 500 or above
   * @param errorMessage the message from the error body, or null when it had none
   * @param body the raw response body ("" when empty)
   * @param bodyJson the body parsed as JSON, or null when it was not JSON
   * @param headers the response headers
   * @param method the request method
   * @param url the request URL, query included
   */
  public InternalServerException(int statusCode, String errorMessage, String body, JsonNode bodyJson,
      Map<String, List<String>> headers, String method, String url) {
    super(statusCode, errorMessage, body, bodyJson, headers, method, url);
  }
}
