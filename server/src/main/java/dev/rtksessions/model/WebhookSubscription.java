package dev.rtksessions.model;

import java.util.List;

/**
 * A webhook an app registered (Cloudflare's webhooks API): where to send which events. Times
 * are epoch milliseconds.
 *
 * @param events the subscribed events, without repeats, in the order given
 */
public record WebhookSubscription(
    String appId, String id, String name, String url, List<WebhookEventName> events, boolean enabled,
    long createdAt, long updatedAt) {

  public WebhookSubscription {
    events = List.copyOf(events);
  }

  /** True when it is enabled and subscribed to {@code event}. */
  public boolean wants(WebhookEventName event) {
    return enabled && events.contains(event);
  }
}
