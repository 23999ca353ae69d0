package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The answer to {@code getSessionSummary}: where to download the AI summary (plain text).
 * All three fields are camelCase on the wire.
 */
public final class SessionGetSessionSummaryResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static SessionGetSessionSummaryResponse fromJson(JsonNode raw) {
    return new SessionGetSessionSummaryResponse(copied(raw));
  }

  private SessionGetSessionSummaryResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data.sessionId} */
  public String sessionId() {
    return fields.object("data").string("sessionId");
  }

  /** @return {@code data.summaryDownloadUrl}: a signed URL of the summary */
  public String summaryDownloadUrl() {
    return fields.object("data").string("summaryDownloadUrl");
  }

  /** @return {@code data.summaryDownloadUrlExpiry}: when the URL stops working */
  public Instant summaryDownloadUrlExpiry() {
    return fields.object("data").instant("summaryDownloadUrlExpiry");
  }
}
