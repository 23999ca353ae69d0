package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.AppJson;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.ListRequests;
import dev.rtksessions.api.JsonBody;
import dev.rtksessions.api.Paging;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.model.App;
import java.util.List;
import java.util.Map;

/** {@code GET/POST .../realtime/kit/apps}. */
final class AppRoutes {
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final Catalog catalog;

  AppRoutes(Catalog catalog) {
    this.catalog = catalog;
  }

  Reply list(Request request) {
    ListRequests.Apps q = ListRequests.apps(request.query());
    String account = request.path("account_id");
    List<AppJson> apps = catalog.listApps(account, q.search(), q.ascending(), q.page().size(), q.page().offset())
        .stream().map(AppJson::of).toList();
    return Reply.ok(Envelope.page(apps, Paging.of(catalog.countApps(account, q.search()), q.page().offset(),
        apps.size())));
  }

  Reply create(Request request) {
    JsonBody body = JsonBody.parse(request.body());
    String name = body.string("name", 1, 255);
    if (name == null || name.isBlank()) {
      throw ApiException.badRequest("name is required: 1-255 characters");
    }
    App app = catalog.createApp(request.path("account_id"), name);
    return Reply.ok(Envelope.of(Map.of("app", AppJson.of(app))));
  }
}
