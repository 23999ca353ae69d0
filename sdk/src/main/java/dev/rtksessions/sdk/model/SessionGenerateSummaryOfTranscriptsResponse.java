package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code generateSummaryOfTranscripts}: the session and the state of the
 * summary job. Cloudflare does not document the status values, so it stays a string.
 */
public final class SessionGenerateSummaryOfTranscriptsResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static SessionGenerateSummaryOfTranscriptsResponse fromJson(JsonNode raw) {
    return new SessionGenerateSummaryOfTranscriptsResponse(copied(raw));
  }

  private SessionGenerateSummaryOfTranscriptsResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data.session_id} */
  public String sessionId() {
    return fields.object("data").string("session_id");
  }

  /** @return {@code data.status}: the summary job's state as the server words it */
  public String status() {
    return fields.object("data").string("status");
  }
}
