package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The answer to {@code getSessionChat}: where to download the session's chat export (CSV).
 */
public final class SessionGetSessionChatResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static SessionGetSessionChatResponse fromJson(JsonNode raw) {
    return new SessionGetSessionChatResponse(copied(raw));
  }

  private SessionGetSessionChatResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data.chat_download_url}: a signed URL of the chat CSV */
  public String chatDownloadUrl() {
    return fields.object("data").string("chat_download_url");
  }

  /** @return {@code data.chat_download_url_expiry}: when the URL stops working */
  public Instant chatDownloadUrlExpiry() {
    return fields.object("data").instant("chat_download_url_expiry");
  }
}
