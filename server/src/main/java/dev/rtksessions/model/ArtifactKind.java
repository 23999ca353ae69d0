package dev.rtksessions.model;

import java.util.Locale;

/** What a session's artifact holds; written lower-case on the wire and in storage. */
public enum ArtifactKind {
  CHAT, TRANSCRIPT, SUMMARY;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns the kind for a wire value, or null when it is not one. */
  public static ArtifactKind fromWire(String value) {
    for (ArtifactKind k : values()) {
      if (k.wire().equals(value)) {
        return k;
      }
    }
    return null;
  }
}
