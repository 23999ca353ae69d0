package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.AppJson;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.JsonBody;
import dev.rtksessions.api.Paging;
import dev.rtksessions.api.Params;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.model.App;
import java.util.List;
import java.util.Map;

/** {@code GET/POST .../realtime/kit/apps}. */
final class AppRoutes {
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final int MAX_PER_PAGE = 200;

  private final Catalog catalog;

  AppRoutes(Catalog catalog) {
    this.catalog = catalog;
  }

  Reply list(Request request) {
    Params q = request.query();
    int page = Math.max(1, q.integer("page_no", 0, Integer.MAX_VALUE, 1));
    int perPage = q.integer("per_page", 1, MAX_PER_PAGE, 20);
    String search = q.string("search", 125);
    boolean ascending = "ASC".equals(q.oneOf("sort_order", List.of("ASC", "DESC")));
    String account = request.path("account_id");
    long offset = (long) (page - 1) * perPage;
    List<AppJson> apps = catalog.listApps(account, search, ascending, perPage, offset).stream()
        .map(AppJson::of).toList();
    return Reply.ok(Envelope.page(apps, Paging.of(catalog.countApps(account, search), offset, apps.size())));
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
