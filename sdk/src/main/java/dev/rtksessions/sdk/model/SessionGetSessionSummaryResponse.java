package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The answer to {@code getSessionSummary}: where to download the AI summary (plain text).
 * All three fields are camelCase on the wire.
 */
public final class SessionGetSessionSummaryResponse extends JsonModel {
  /**
   * @param raw the answer's JSON
   * @return the typed answer
   */
  public static SessionGetSessionSummaryResponse fromJson(JsonNode raw) {
    return new SessionGetSessionSummaryResponse(raw);
  }

  private SessionGetSessionSummaryResponse(JsonNode raw) {
    super(raw, "response");
  }

  private DataObject data() {
    return new DataObject(requiredField("data"));
  }

  /** @return {@code data.sessionId} */
  public String sessionId() {
    return data().string("sessionId");
  }

  /** @return {@code data.summaryDownloadUrl}: a signed URL of the summary */
  public String summaryDownloadUrl() {
    return data().string("summaryDownloadUrl");
  }

  /** @return {@code data.summaryDownloadUrlExpiry}: when the URL stops working */
  public Instant summaryDownloadUrlExpiry() {
    return data().instant("summaryDownloadUrlExpiry");
  }
}
