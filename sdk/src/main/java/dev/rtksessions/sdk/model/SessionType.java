package dev.rtksessions.sdk.model;

/**
 * What kind of session it is, from its meeting.
 * {@link #UNKNOWN} stands for a value this SDK version does not know, so a newer server
 * does not break it; the value as sent is in the model's {@code raw()}.
 */
public enum SessionType {
  /** {@code meeting} */
  MEETING("meeting"),
  /** {@code livestream} */
  LIVESTREAM("livestream"),
  /** {@code participant} */
  PARTICIPANT("participant"),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final String wireValue;

  SessionType(String wireValue) {
    this.wireValue = wireValue;
  }

  /** @return the value as written on the wire; null for {@link #UNKNOWN} */
  public String wireValue() {
    return wireValue;
  }

  /**
   * @param value a value as written on the wire
   * @return the constant for it, or {@link #UNKNOWN}
   */
  public static SessionType fromWireValue(String value) {
    for (SessionType v : values()) {
      if (v.wireValue != null && v.wireValue.equals(value)) {
        return v;
      }
    }
    return UNKNOWN;
  }
}
