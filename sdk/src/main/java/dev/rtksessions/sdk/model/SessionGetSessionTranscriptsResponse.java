package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The answer to {@code getSessionTranscripts}: where to download the transcript. The field
 * names mix camelCase ({@code sessionId}) and snake_case, as the API sends them.
 */
public final class SessionGetSessionTranscriptsResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static SessionGetSessionTranscriptsResponse fromJson(JsonNode raw) {
    return new SessionGetSessionTranscriptsResponse(copied(raw));
  }

  private SessionGetSessionTranscriptsResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data.sessionId} */
  public String sessionId() {
    return fields.object("data").string("sessionId");
  }

  /** @return {@code data.transcript_download_url}: a signed URL of the transcript */
  public String transcriptDownloadUrl() {
    return fields.object("data").string("transcript_download_url");
  }

  /** @return {@code data.transcript_download_url_expiry}: when the URL stops working */
  public Instant transcriptDownloadUrlExpiry() {
    return fields.object("data").instant("transcript_download_url_expiry");
  }
}
