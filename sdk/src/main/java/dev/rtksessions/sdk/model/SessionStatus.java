package dev.rtksessions.sdk.model;

/**
 * A session's state: {@code LIVE} while peers are (or were very recently) in it, then {@code ENDED}.
 * {@link #UNKNOWN} stands for a value this SDK version does not know, so a newer server
 * does not break it; the value as sent is in the model's {@code raw()}.
 */
public enum SessionStatus {
  /** {@code LIVE} */
  LIVE("LIVE"),
  /** {@code ENDED} */
  ENDED("ENDED"),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final String wireValue;

  SessionStatus(String wireValue) {
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
  public static SessionStatus fromWireValue(String value) {
    for (SessionStatus v : values()) {
      if (v.wireValue != null && v.wireValue.equals(value)) {
        return v;
      }
    }
    return UNKNOWN;
  }
}
