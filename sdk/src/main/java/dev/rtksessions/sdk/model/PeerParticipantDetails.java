package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the peer report says about one peer: its participant fields plus the reported
 * device, network and quality data. The report's many sub-objects are left as JSON
 * ({@link #peerReportMetadata()}, {@link #peerReportQuality()}), as Cloudflare's Go SDK does.
 */
public final class PeerParticipantDetails extends JsonModel {
  /**
   * @param raw a PeerParticipantDetails JSON object
   * @return its typed view
   */
  public static PeerParticipantDetails fromJson(JsonNode raw) {
    return new PeerParticipantDetails(raw);
  }

  private PeerParticipantDetails(JsonNode raw) {
    super(raw, "participant");
  }

  /** @return {@code id}: the participant (peer) id */
  public String id() {
    return string("id");
  }

  /** @return {@code session_id}: the session the peer was in */
  public String sessionId() {
    return string("session_id");
  }

  /** @return {@code user_id}, if known */
  public Optional<String> userId() {
    return optionalString("user_id");
  }

  /** @return {@code custom_participant_id}, if any */
  public Optional<String> customParticipantId() {
    return optionalString("custom_participant_id");
  }

  /** @return {@code display_name}, if known */
  public Optional<String> displayName() {
    return optionalString("display_name");
  }

  /** @return {@code role}: the preset name (this object calls it role), if known */
  public Optional<String> role() {
    return optionalString("role");
  }

  /** @return {@code joined_at} */
  public Instant joinedAt() {
    return instant("joined_at");
  }

  /** @return {@code left_at}; empty while the peer is present */
  public Optional<Instant> leftAt() {
    return optionalInstant("left_at");
  }

  /** @return {@code duration}: minutes in the session */
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

  /** @return {@code peer_events}, when asked for with {@code include_peer_events}; else empty */
  public List<PeerEvent> peerEvents() {
    return list("peer_events", PeerEvent::fromJson);
  }

  /** @return {@code peer_report.metadata} (devices, browser, network, events), if reported */
  public Optional<JsonNode> peerReportMetadata() {
    return field("peer_report").map(r -> r.get("metadata")).filter(m -> m != null && !m.isNull());
  }

  /** @return {@code peer_report.quality} (audio/video producer and consumer stats), if reported */
  public Optional<JsonNode> peerReportQuality() {
    return field("peer_report").map(r -> r.get("quality")).filter(q -> q != null && !q.isNull());
  }
}
