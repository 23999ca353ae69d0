package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * What the peer report says about one peer: its participant fields plus the reported
 * device, network and quality data. The report's many sub-objects are left as JSON
 * ({@link #peerReportMetadata()}, {@link #peerReportQuality()}), as Cloudflare's Go SDK does.
 */
public final class PeerParticipantDetails extends ParticipantFields {
  /**
   * @param raw a PeerParticipantDetails JSON object (copied)
   * @return its typed model
   */
  public static PeerParticipantDetails fromJson(JsonNode raw) {
    return new PeerParticipantDetails(copied(raw));
  }

  PeerParticipantDetails(JsonNode raw) {
    super(raw);
  }

  /** @return {@code session_id}: the session the peer was in */
  public String sessionId() {
    return fields.string("session_id");
  }

  /** @return {@code role}: the preset name (this object calls it role), if known */
  public Optional<String> role() {
    return fields.optionalString("role");
  }

  /** @return {@code peer_report.metadata} (devices, browser, network, events), if reported (a copy) */
  public Optional<JsonNode> peerReportMetadata() {
    return fields.optionalObject("peer_report").node("metadata");
  }

  /** @return {@code peer_report.quality} (audio/video producer and consumer stats), if reported (a copy) */
  public Optional<JsonNode> peerReportQuality() {
    return fields.optionalObject("peer_report").node("quality");
  }
}
