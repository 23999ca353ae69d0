package dev.rtksessions.sdk.exception;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 403: the token is valid but lacks the permission (e.g. a read-only token writing) or the account. */
public class PermissionDeniedException extends ApiException {
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
  public PermissionDeniedException(String errorMessage, String body, JsonNode bodyJson, Map<String, List<String>> headers,
      String method, String url) {
    super(403, errorMessage, body, bodyJson, headers, method, url);
  }
}
