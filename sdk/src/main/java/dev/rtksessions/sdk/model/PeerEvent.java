package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** One event in a participant's {@code peer_events}: a peer joining or leaving. */
public final class PeerEvent extends JsonModel {
  /**
   * @param raw a PeerEvent JSON object (copied)
   * @return its typed model
   */
  public static PeerEvent fromJson(JsonNode raw) {
    return new PeerEvent(copied(raw));
  }

  PeerEvent(JsonNode raw) {
    super(raw, "peer_event");
  }

  /** @return {@code id}: the event id */
  public String id() {
    return fields.string("id");
  }

  /** @return {@code peer_id}: the peer the event is about */
  public String peerId() {
    return fields.string("peer_id");
  }

  /** @return {@code event_name}: PEER_CREATED, PEER_JOINING or PEER_LEAVING */
  public PeerEventName eventName() {
    return fields.enumValue("event_name", PeerEventName::fromWireValue);
  }

  /** @return {@code minutes_consumed}: the minutes attributed to this event, if given */
  public Optional<BigDecimal> minutesConsumed() {
    return fields.optionalDecimal("minutes_consumed");
  }

  /** @return {@code participant_id}, if set */
  public Optional<String> participantId() {
    return fields.optionalString("participant_id");
  }

  /** @return {@code session_id}, if set */
  public Optional<String> sessionId() {
    return fields.optionalString("session_id");
  }

  /** @return {@code socket_session_id}, if set */
  public Optional<String> socketSessionId() {
    return fields.optionalString("socket_session_id");
  }

  /** @return {@code preset_view_type} (GROUP_CALL, WEBINAR, ...), if set */
  public Optional<String> presetViewType() {
    return fields.optionalString("preset_view_type");
  }

  /** @return {@code created_at}: when the event happened */
  public Instant createdAt() {
    return fields.instant("created_at");
  }

  /** @return {@code updated_at} */
  public Instant updatedAt() {
    return fields.instant("updated_at");
  }
}
