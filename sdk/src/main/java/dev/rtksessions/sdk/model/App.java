package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A RealtimeKit app: the container of meetings and sessions within an account. */
public final class App extends JsonModel {
  /**
   * @param raw an app JSON object (copied)
   * @return its typed model
   */
  public static App fromJson(JsonNode raw) {
    return new App(copied(raw));
  }

  App(JsonNode raw) {
    super(raw, "app");
  }

  /** @return {@code id}: the app id */
  public String id() {
    return fields.string("id");
  }

  /** @return {@code name} */
  public String name() {
    return fields.string("name");
  }

  /** @return {@code created_at} */
  public Instant createdAt() {
    return fields.instant("created_at");
  }
}
