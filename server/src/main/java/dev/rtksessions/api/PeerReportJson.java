package dev.rtksessions.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.PeerEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A peer's details for {@code GET .../sessions/peer-report/{peer_id}} (Cloudflare's
 * PeerParticipantDetails). The service records no client telemetry, so {@code peer_report}
 * holds empty {@code metadata} and {@code quality} objects.
 */
public record PeerReportJson(
    String id,
    String sessionId,
    String createdAt,
    String updatedAt,
    String customParticipantId,
    String displayName,
    BigDecimal duration,
    String joinedAt,
    String leftAt,
    String role,
    String userId,
    List<ParticipantJson.PeerEventJson> peerEvents,
    @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> peerReport) {

  public static PeerReportJson of(Participant p, long durationMillis, List<PeerEvent> peerEvents) {
    ParticipantJson row = ParticipantJson.of(p, durationMillis, peerEvents);
    return new PeerReportJson(p.peerId(), p.sessionId(), row.createdAt(), row.updatedAt(),
        p.customParticipantId(), p.displayName(), row.duration(), row.joinedAt(), row.leftAt(), p.presetName(),
        p.userId(), row.peerEvents(), Map.of("metadata", Map.of(), "quality", Map.of()));
  }
}
