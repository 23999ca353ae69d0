package dev.rtksessions.model;

/**
 * A step of one peer's presence in a session: a join, or a leave with the participant-time it
 * closed. Derived from the recorded events when asked for.
 */
public record PeerEvent(String id, String peerId, String sessionId, Kind kind, long at, long closedMillis) {
  public enum Kind { PEER_JOINING, PEER_LEAVING }
}
