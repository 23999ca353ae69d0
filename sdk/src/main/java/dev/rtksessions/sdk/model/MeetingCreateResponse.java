package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code meetings().create}: the new meeting ({@code data}).
 */
public final class MeetingCreateResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static MeetingCreateResponse fromJson(JsonNode raw) {
    return new MeetingCreateResponse(copied(raw));
  }

  private MeetingCreateResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data}: the created meeting */
  public Meeting meeting() {
    return fields.object("data", Meeting::new);
  }
}
