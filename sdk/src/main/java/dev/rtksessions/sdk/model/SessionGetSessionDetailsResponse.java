package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code getSessionDetails}: one session, with its breakout rooms when they
 * were asked for.
 */
public final class SessionGetSessionDetailsResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static SessionGetSessionDetailsResponse fromJson(JsonNode raw) {
    return new SessionGetSessionDetailsResponse(copied(raw));
  }

  private SessionGetSessionDetailsResponse(JsonNode raw) {
    super(raw, "response");
  }

  /**
   * @return the session: {@code data} itself (Cloudflare's current shape), or
   *     {@code data.session} (the older Dyte shape, which Cloudflare's SDKs expected until May 2026)
   */
  public Session session() {
    return fields.object("data", data -> {
      JsonNode wrapped = data.get("session");
      return new Session(!data.has("id") && wrapped != null && wrapped.isObject() ? wrapped : data);
    });
  }
}
