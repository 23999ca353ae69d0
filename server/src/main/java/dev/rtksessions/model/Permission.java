package dev.rtksessions.model;

import java.util.Locale;

/** What an API token may do: Cloudflare's "Realtime" (read) and "Realtime Admin" (read and write). */
public enum Permission {
  REALTIME, REALTIME_ADMIN;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Permission fromWire(String value) {
    for (Permission p : values()) {
      if (p.wire().equals(value)) {
        return p;
      }
    }
    return null;
  }

  public boolean canWrite() {
    return this == REALTIME_ADMIN;
  }
}
