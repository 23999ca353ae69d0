package dev.rtksessions.engine;

import dev.rtksessions.model.OutboxDelivery;
import dev.rtksessions.model.WebhookEventName;
import dev.rtksessions.model.WebhookSubscription;
import dev.rtksessions.storage.WebhookOutStore;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhooks apps register (Cloudflare's webhooks API) and what was delivered to them. What
 * is sent, and when, is {@link WebhookOutbox} and {@link WebhookSender}.
 */
public final class WebhooksOut {
  /** Webhooks one app may have (Cloudflare documents no limit; this keeps fan-out bounded). */
  public static final int MAX_PER_APP = 20;

  private final WebhookOutStore store;
  private final Clock clock;
  private final WebhookSender.Policy policy;

  public WebhooksOut(WebhookOutStore store, Clock clock, WebhookSender.Policy policy) {
    this.store = store;
    this.clock = clock;
    this.policy = policy;
  }

  /** What a webhook is to be: every field a request sets. */
  public record Spec(String name, String url, List<WebhookEventName> events, boolean enabled) {}

  /** True when the operator allows webhooks to {@code url}'s host (--webhooks-out-allow). */
  public boolean allows(URI url) {
    return policy.allows(url);
  }

  public List<WebhookSubscription> list(String appId) {
    return store.list(appId);
  }

  public Optional<WebhookSubscription> find(String appId, String id) {
    return store.find(appId, id);
  }

  /** Registers a webhook; empty when the app has {@link #MAX_PER_APP} already. */
  public Optional<WebhookSubscription> create(String appId, Spec spec) {
    long now = clock.millis();
    WebhookSubscription s = new WebhookSubscription(appId, UUID.randomUUID().toString(), spec.name(), spec.url(),
        spec.events(), spec.enabled(), now, now);
    return store.insert(s, MAX_PER_APP) ? Optional.of(s) : Optional.empty();
  }

  /** Replaces a webhook's fields; empty when it does not exist. */
  public Optional<WebhookSubscription> update(WebhookSubscription current, Spec spec) {
    WebhookSubscription s = new WebhookSubscription(current.appId(), current.id(), spec.name(), spec.url(),
        spec.events(), spec.enabled(), current.createdAt(), clock.millis());
    return store.update(s) ? Optional.of(s) : Optional.empty();
  }

  /** Removes a webhook and its deliveries; false when it does not exist. */
  public boolean delete(String appId, String id) {
    return store.delete(appId, id);
  }

  /** A webhook's deliveries, newest first. */
  public List<OutboxDelivery> deliveries(String appId, String webhookId, int limit, long offset) {
    return store.recent(appId, webhookId, limit, offset);
  }

  public long countDeliveries(String appId, String webhookId) {
    return store.count(appId, webhookId);
  }
}
