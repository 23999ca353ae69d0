package dev.rtksessions.sdk.exception;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** HTTP 404: the account, app, meeting, session, participant or artifact does not exist. */
public class NotFoundException extends ApiException {
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
  public NotFoundException(String errorMessage, String body, JsonNode bodyJson, Map<String, List<String>> headers,
      String method, String url) {
    super(404, errorMessage, body, bodyJson, headers, method, url);
  }
}
