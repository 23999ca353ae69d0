package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.ListRequests;
import dev.rtksessions.api.Paging;
import dev.rtksessions.api.WebhookSubscriptions;
import dev.rtksessions.api.WebhookSubscriptions.Fields;
import dev.rtksessions.engine.WebhooksOut;
import dev.rtksessions.model.WebhookEventName;
import dev.rtksessions.model.WebhookSubscription;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Cloudflare's webhooks API for an app ({@code .../webhooks}, {@code .../webhooks/{webhook_id}}),
 * the list of event names ({@code .../webhooks/all}) and our deliveries extension
 * ({@code .../webhooks/{webhook_id}/deliveries}).
 */
final class WebhookSubscriptionRoutes {
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final WebhooksOut webhooks;

  WebhookSubscriptionRoutes(WebhooksOut webhooks) {
    this.webhooks = webhooks;
  }

  Reply list(Request request) {
    return Reply.ok(Envelope.of(webhooks.list(request.app().id()).stream().map(WebhookSubscriptions::json).toList()));
  }

  Reply events(Request request) {
    return Reply.ok(Envelope.of(WebhookEventName.wireNames()));
  }

  Reply create(Request request) {
    WebhooksOut.Spec spec = spec(WebhookSubscriptions.full(request.body()), null);
    WebhookSubscription created = webhooks.create(request.app().id(), spec).orElseThrow(() -> ApiException.badRequest(
        "app " + request.app().id() + " has " + WebhooksOut.MAX_PER_APP + " webhooks already, the most an app may"
            + " have; delete one first"));
    return Reply.created(Envelope.of(WebhookSubscriptions.json(created)));
  }

  Reply get(Request request) {
    return Reply.ok(Envelope.of(WebhookSubscriptions.json(existing(request))));
  }

  /** PATCH: the fields given change, the others stay. */
  Reply edit(Request request) {
    WebhookSubscription current = existing(request);
    return store(current, spec(WebhookSubscriptions.partial(request.body()), current));
  }

  /** PUT: every field is replaced ({@code enabled} defaults to true). */
  Reply replace(Request request) {
    WebhookSubscription current = existing(request);
    return store(current, spec(WebhookSubscriptions.full(request.body()), null));
  }

  Reply delete(Request request) {
    WebhookSubscription current = existing(request);
    if (!webhooks.delete(current.appId(), current.id())) {
      throw notFound(request);
    }
    return Reply.ok(Envelope.of(WebhookSubscriptions.json(current)));
  }

  Reply deliveries(Request request) {
    WebhookSubscription current = existing(request);
    ListRequests.Page page = ListRequests.page(request.query());
    List<Map<String, Object>> deliveries = webhooks.deliveries(current.appId(), current.id(), page.size(),
        page.offset()).stream().map(WebhookSubscriptions::json).toList();
    return Reply.ok(Envelope.page(deliveries, Paging.of(webhooks.countDeliveries(current.appId(), current.id()),
        page.offset(), deliveries.size())));
  }

  private Reply store(WebhookSubscription current, WebhooksOut.Spec spec) {
    return Reply.ok(Envelope.of(WebhookSubscriptions.json(webhooks.update(current, spec)
        .orElseThrow(() -> ApiException.notFound("webhook " + current.id() + " not found in app " + current.appId())))));
  }

  /** The request's fields over {@code current} (null: a full request), checked against the allow-list. */
  private WebhooksOut.Spec spec(Fields f, WebhookSubscription current) {
    URI url = f.url() != null ? f.url() : URI.create(current.url());
    if (f.url() != null && !webhooks.allows(url)) {
      throw ApiException.badRequest("url: webhooks may not be sent to " + url.getHost() + " (the operator allows only"
          + " some hosts: --webhooks-out-allow)");
    }
    return new WebhooksOut.Spec(f.name() != null ? f.name() : current.name(), url.toString(),
        f.events() != null ? f.events() : current.events(),
        f.enabled() != null ? f.enabled() : current.enabled());
  }

  private WebhookSubscription existing(Request request) {
    return webhooks.find(request.app().id(), request.path("webhook_id")).orElseThrow(() -> notFound(request));
  }

  private static ApiException notFound(Request request) {
    return ApiException.notFound("webhook " + request.path("webhook_id") + " not found in app " + request.app().id());
  }
}
