package dev.rtksessions.sdk.model;

/**
 * What happened to a peer, in a participant's {@code peer_events}.
 * {@link #UNKNOWN} stands for a value this SDK version does not know, so a newer server
 * does not break it; the value as sent is in the model's {@code raw()}.
 */
public enum PeerEventName {
  /** {@code PEER_CREATED} */
  PEER_CREATED("PEER_CREATED"),
  /** {@code PEER_JOINING} */
  PEER_JOINING("PEER_JOINING"),
  /** {@code PEER_LEAVING} */
  PEER_LEAVING("PEER_LEAVING"),
  /** A value this SDK version does not know. */
  UNKNOWN(null);

  private final String wireValue;

  PeerEventName(String wireValue) {
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
  public static PeerEventName fromWireValue(String value) {
    for (PeerEventName v : values()) {
      if (v.wireValue != null && v.wireValue.equals(value)) {
        return v;
      }
    }
    return UNKNOWN;
  }
}
