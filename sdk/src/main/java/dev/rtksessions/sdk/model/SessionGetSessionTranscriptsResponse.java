package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The answer to {@code getSessionTranscripts}: where to download the transcript. The field
 * names mix camelCase ({@code sessionId}) and snake_case, as the API sends them.
 */
public final class SessionGetSessionTranscriptsResponse extends JsonModel {
  /**
   * @param raw the answer's JSON
   * @return the typed answer
   */
  public static SessionGetSessionTranscriptsResponse fromJson(JsonNode raw) {
    return new SessionGetSessionTranscriptsResponse(raw);
  }

  private SessionGetSessionTranscriptsResponse(JsonNode raw) {
    super(raw, "response");
  }

  private DataObject data() {
    return new DataObject(requiredField("data"));
  }

  /** @return {@code data.sessionId} */
  public String sessionId() {
    return data().string("sessionId");
  }

  /** @return {@code data.transcript_download_url}: a signed URL of the transcript */
  public String transcriptDownloadUrl() {
    return data().string("transcript_download_url");
  }

  /** @return {@code data.transcript_download_url_expiry}: when the URL stops working */
  public Instant transcriptDownloadUrlExpiry() {
    return data().instant("transcript_download_url_expiry");
  }
}
