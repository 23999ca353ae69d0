package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code apps().post}: the new app ({@code data.app}).
 */
public final class AppPostResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static AppPostResponse fromJson(JsonNode raw) {
    return new AppPostResponse(copied(raw));
  }

  private AppPostResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data.app}: the created app */
  public App app() {
    return fields.object("data").object("app", App::new);
  }
}
