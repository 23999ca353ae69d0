package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One participant row of a session: one peer (a participant on one device), with when it
 * joined and left and how long it stayed.
 */
public final class SessionParticipant extends ParticipantFields {
  /**
   * @param raw a participant JSON object (copied)
   * @return its typed model
   */
  public static SessionParticipant fromJson(JsonNode raw) {
    return new SessionParticipant(copied(raw));
  }

  SessionParticipant(JsonNode raw) {
    super(raw);
  }

  /** @return {@code preset_name}: the participant's preset (role), if known */
  public Optional<String> presetName() {
    return fields.optionalString("preset_name");
  }
}
