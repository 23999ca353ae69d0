package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code getActiveSession}: the meeting's LIVE session ({@code data}).
 */
public final class ActiveSessionGetActiveSessionResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static ActiveSessionGetActiveSessionResponse fromJson(JsonNode raw) {
    return new ActiveSessionGetActiveSessionResponse(copied(raw));
  }

  private ActiveSessionGetActiveSessionResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data}: the live session */
  public Session session() {
    return fields.object("data", Session::new);
  }
}
