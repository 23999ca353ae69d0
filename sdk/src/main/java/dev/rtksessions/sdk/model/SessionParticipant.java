package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One participant row of a session: one peer (a participant on one device), with when it
 * joined and left and how long it stayed.
 */
public final class SessionParticipant extends JsonModel {
  /**
   * @param raw a participant JSON object
   * @return its typed view
   */
  public static SessionParticipant fromJson(JsonNode raw) {
    return new SessionParticipant(raw);
  }

  private SessionParticipant(JsonNode raw) {
    super(raw, "participant");
  }

  /** @return {@code id}: the participant id, which is the peer id */
  public String id() {
    return string("id");
  }

  /** @return {@code user_id}, if known */
  public Optional<String> userId() {
    return optionalString("user_id");
  }

  /** @return {@code custom_participant_id}: the id the client gave the participant, if any */
  public Optional<String> customParticipantId() {
    return optionalString("custom_participant_id");
  }

  /** @return {@code display_name}, if known */
  public Optional<String> displayName() {
    return optionalString("display_name");
  }

  /** @return {@code preset_name}: the participant's preset (role), if known */
  public Optional<String> presetName() {
    return optionalString("preset_name");
  }

  /** @return {@code joined_at}: when the peer joined */
  public Instant joinedAt() {
    return instant("joined_at");
  }

  /** @return {@code left_at}: when the peer left; empty while it is still present */
  public Optional<Instant> leftAt() {
    return optionalInstant("left_at");
  }

  /** @return {@code duration}: minutes in the session (still running while present) */
  public BigDecimal duration() {
    return decimal("duration");
  }

  /** @return {@code created_at} */
  public Instant createdAt() {
    return instant("created_at");
  }

  /** @return {@code updated_at} */
  public Instant updatedAt() {
    return instant("updated_at");
  }

  /** @return {@code peer_events}: present when asked for with {@code include_peer_events}, else empty */
  public List<PeerEvent> peerEvents() {
    return list("peer_events", PeerEvent::fromJson);
  }
}
