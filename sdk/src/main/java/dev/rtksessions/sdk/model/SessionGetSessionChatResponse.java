package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** The answer to {@code getSessionChat}: where to download the session's chat export (CSV). */
public final class SessionGetSessionChatResponse extends JsonModel {
  /**
   * @param raw the answer's JSON
   * @return the typed answer
   */
  public static SessionGetSessionChatResponse fromJson(JsonNode raw) {
    return new SessionGetSessionChatResponse(raw);
  }

  private SessionGetSessionChatResponse(JsonNode raw) {
    super(raw, "response");
  }

  private DataObject data() {
    return new DataObject(requiredField("data"));
  }

  /** @return {@code data.chat_download_url}: a signed URL of the chat CSV */
  public String chatDownloadUrl() {
    return data().string("chat_download_url");
  }

  /** @return {@code data.chat_download_url_expiry}: when the URL stops working */
  public Instant chatDownloadUrlExpiry() {
    return data().instant("chat_download_url_expiry");
  }
}
