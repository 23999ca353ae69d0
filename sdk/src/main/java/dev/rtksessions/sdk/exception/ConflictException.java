package dev.rtksessions.sdk.exception;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 409: the write conflicts with existing data (e.g. an id already taken). Retried by default. */
public class ConflictException extends ApiException {
  private static final long serialVersionUID = 1L;

  /**
   * The exception for one such answer.
   *
   * @param errorMessage the message from the error body, or null when it had none
   * @param body the raw response body ("" when empty)
   * @param bodyJson the body parsed as JSON, or null when it was not JSON
   * @param headers the response headers
   * @param method the request method
   * @param url the request URL, query included
   */
  public ConflictException(String errorMessage, String body, JsonNode bodyJson, Map<String, List<String>> headers,
      String method, String url) {
    super(409, errorMessage, body, bodyJson, headers, method, url);
  }
}
