package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The fields Cloudflare's two participant shapes share (a session's participant row, and a
 * peer report's participant): one peer, when it joined and left, and how long it stayed.
 */
public abstract class ParticipantFields extends JsonModel {
  ParticipantFields(JsonNode raw) {
    super(raw, "participant");
  }

  /** @return {@code id}: the participant id, which is the peer id */
  public String id() {
    return fields.string("id");
  }

  /** @return {@code user_id}, if known */
  public Optional<String> userId() {
    return fields.optionalString("user_id");
  }

  /** @return {@code custom_participant_id}, if any */
  public Optional<String> customParticipantId() {
    return fields.optionalString("custom_participant_id");
  }

  /** @return {@code display_name}, if known */
  public Optional<String> displayName() {
    return fields.optionalString("display_name");
  }

  /** @return {@code joined_at} */
  public Instant joinedAt() {
    return fields.instant("joined_at");
  }

  /** @return {@code left_at}; empty while the peer is present */
  public Optional<Instant> leftAt() {
    return fields.optionalInstant("left_at");
  }

  /** @return {@code duration}: minutes in the session */
  public BigDecimal duration() {
    return fields.decimal("duration");
  }

  /** @return {@code created_at} */
  public Instant createdAt() {
    return fields.instant("created_at");
  }

  /** @return {@code updated_at} */
  public Instant updatedAt() {
    return fields.instant("updated_at");
  }

  /** @return {@code peer_events}, when asked for with {@code include_peer_events}; else empty */
  public List<PeerEvent> peerEvents() {
    return fields.list("peer_events", PeerEvent::new);
  }
}
