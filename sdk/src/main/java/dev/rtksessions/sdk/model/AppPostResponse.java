package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The answer to {@code apps().post}: the new app ({@code data.app}). */
public final class AppPostResponse extends JsonModel {
  /**
   * @param raw the answer's JSON
   * @return the typed answer
   */
  public static AppPostResponse fromJson(JsonNode raw) {
    return new AppPostResponse(raw);
  }

  private AppPostResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data.app}: the created app */
  public App app() {
    return App.fromJson(new DataObject(requiredField("data")).requiredField("app"));
  }
}
