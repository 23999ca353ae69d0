package dev.rtksessions.sdk.param;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds query parameters the way Cloudflare's SDKs write them. */
final class Query {
  /** What JavaScript's {@code Date.toISOString()} gives, which the TypeScript SDK sends. */
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Map<String, String> params = new LinkedHashMap<>();

  /** Adds a value unless it is null: enums as wire values, times as ISO-8601 UTC, others as text. */
  Query add(String key, Object value) {
    if (value instanceof WireEnum e) {
      params.put(key, e.wireValue());
    } else if (value instanceof Instant t) {
      params.put(key, ISO_MILLIS.format(t));
    } else if (value != null) {
      params.put(key, value.toString());
    }
    return this;
  }

  Map<String, String> build() {
    return Collections.unmodifiableMap(params);
  }
}
