package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A RealtimeKit app: the container of meetings and sessions within an account. */
public final class App extends JsonModel {
  /**
   * @param raw an app JSON object
   * @return its typed view
   */
  public static App fromJson(JsonNode raw) {
    return new App(raw);
  }

  private App(JsonNode raw) {
    super(raw, "app");
  }

  /** @return {@code id}: the app id */
  public String id() {
    return string("id");
  }

  /** @return {@code name} */
  public String name() {
    return string("name");
  }

  /** @return {@code created_at} */
  public Instant createdAt() {
    return instant("created_at");
  }
}
