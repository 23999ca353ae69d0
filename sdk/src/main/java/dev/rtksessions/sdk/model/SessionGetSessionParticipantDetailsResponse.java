package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code getSessionParticipantDetails}: one participant row ({@code data.participant}).
 */
public final class SessionGetSessionParticipantDetailsResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static SessionGetSessionParticipantDetailsResponse fromJson(JsonNode raw) {
    return new SessionGetSessionParticipantDetailsResponse(copied(raw));
  }

  private SessionGetSessionParticipantDetailsResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data.participant} */
  public SessionParticipant participant() {
    return fields.object("data").object("participant", SessionParticipant::new);
  }
}
