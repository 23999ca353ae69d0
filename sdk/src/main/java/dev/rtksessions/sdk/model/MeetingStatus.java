package dev.rtksessions.sdk.model;

/**
 * Whether a meeting can be joined: {@code INACTIVE} meetings refuse joins.
 * {@link #UNKNOWN} stands for a value this SDK version does not know, so a newer server
 * does not break it; the value as sent is in the model's {@code raw()}.
 */
public enum MeetingStatus {
  /** {@code ACTIVE} */
  ACTIVE("ACTIVE"),
  /** {@code INACTIVE} */
  INACTIVE("INACTIVE"),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final String wireValue;

  MeetingStatus(String wireValue) {
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
  public static MeetingStatus fromWireValue(String value) {
    for (MeetingStatus v : values()) {
      if (v.wireValue != null && v.wireValue.equals(value)) {
        return v;
      }
    }
    return UNKNOWN;
  }
}
