package dev.rtksessions.api;

import dev.rtksessions.model.App;

/** An app on the wire. */
public record AppJson(String id, String name, String createdAt) {
  public static AppJson of(App app) {
    return new AppJson(app.id(), app.name(), Timestamps.format(app.createdAt()));
  }
}
