package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code getParticipantDataFromPeerId}: the peer's participant fields and peer
 * report ({@code data.participant}).
 */
public final class SessionGetParticipantDataFromPeerIdResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static SessionGetParticipantDataFromPeerIdResponse fromJson(JsonNode raw) {
    return new SessionGetParticipantDataFromPeerIdResponse(copied(raw));
  }

  private SessionGetParticipantDataFromPeerIdResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data.participant} */
  public PeerParticipantDetails participant() {
    return fields.object("data").object("participant", PeerParticipantDetails::new);
  }
}
