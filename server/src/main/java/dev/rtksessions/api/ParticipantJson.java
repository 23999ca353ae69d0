package dev.rtksessions.api;

import dev.rtksessions.model.Participant;
import dev.rtksessions.model.PeerEvent;
import java.math.BigDecimal;
import java.util.List;

/**
 * A session participant on the wire (one row per peer; {@code id} is the peer id). {@code left_at}
 * is absent while the peer is present; {@code duration} runs until then.
 */
public record ParticipantJson(
    String id,
    String userId,
    String customParticipantId,
    String displayName,
    String presetName,
    String joinedAt,
    String leftAt,
    BigDecimal duration,
    String createdAt,
    String updatedAt,
    List<PeerEventJson> peerEvents) {

  public static ParticipantJson of(Participant p, long durationMillis, List<PeerEvent> peerEvents) {
    return new ParticipantJson(p.peerId(), p.userId(), p.customParticipantId(), p.displayName(), p.presetName(),
        Timestamps.format(p.joinedAt()), p.presentSince() == null && p.leftAt() != null
            ? Timestamps.format(p.leftAt()) : null,
        SessionJson.minutes(durationMillis), Timestamps.format(p.joinedAt()), Timestamps.format(lastChange(p)),
        peerEvents == null ? null : peerEvents.stream().map(PeerEventJson::of).toList());
  }

  /** The latest join or leave of the peer. */
  static long lastChange(Participant p) {
    if (p.presentSince() != null) {
      return p.presentSince();
    }
    return p.leftAt() == null ? p.joinedAt() : p.leftAt();
  }

  /** A peer event: PEER_JOINING at each join, PEER_LEAVING at each leave with the minutes it closed. */
  public record PeerEventJson(
      String id, String peerId, String eventName, BigDecimal minutesConsumed, String participantId,
      String sessionId, String createdAt, String updatedAt) {
    static PeerEventJson of(PeerEvent e) {
      String at = Timestamps.format(e.at());
      return new PeerEventJson(e.id(), e.peerId(), e.kind().name(), SessionJson.minutes(e.closedMillis()),
          e.peerId(), e.sessionId(), at, at);
    }
  }
}
