package dev.rtksessions.model;

import java.util.Locale;

/** The session types RealtimeKit knows; written lower-case on the wire. */
public enum SessionType {
  MEETING, LIVESTREAM, PARTICIPANT;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the type for a wire value, or null when it is not one. */
  public static SessionType fromWire(String value) {
    for (SessionType t : values()) {
      if (t.wire().equals(value)) {
        return t;
      }
    }
    return null;
  }
}
