package dev.rtksessions.model;

/**
 * Event kinds, in the order they apply when several share one timestamp: joins first,
 * then leaves, then explicit ends (so a peer that joins and leaves in the same
 * millisecond is counted, and an end at time t closes everything up to t).
 */
public enum EventType {
  JOINED("participant.joined"), LEFT("participant.left"), SESSION_ENDED("session.ended");

  private final String wire;

  EventType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static EventType fromWire(String value) {
    for (EventType t : values()) {
      if (t.wire.equals(value)) {
        return t;
      }
    }
    return null;
  }
}
