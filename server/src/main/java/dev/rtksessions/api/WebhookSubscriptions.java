package dev.rtksessions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.model.OutboxDelivery;
import dev.rtksessions.model.WebhookEventName;
import dev.rtksessions.model.WebhookSubscription;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cloudflare's webhooks API on the wire: the bodies of createWebhook / replaceWebhook (name, url,
 * events required; enabled defaults to true) and editWebhook (any of them), the webhook object,
 * and our deliveries extension. Every refusal is a 400 naming the field.
 */
public final class WebhookSubscriptions {
  public static final int MAX_NAME = 255;
  public static final int MAX_URL = 2048;

  private WebhookSubscriptions() {}

  /** A request's fields; null where PATCH leaves a field as it is. */
  public record Fields(String name, URI url, List<WebhookEventName> events, Boolean enabled) {}

  /** The body of createWebhook and replaceWebhook: every field but {@code enabled} required. */
  public static Fields full(byte[] body) {
    Fields f = fields(body);
    for (String field : List.of("name", "url", "events")) {
      boolean missing = switch (field) {
        case "name" -> f.name() == null;
        case "url" -> f.url() == null;
        default -> f.events() == null;
      };
      if (missing) {
        throw ApiException.badRequest(field + " is required");
      }
    }
    return new Fields(f.name(), f.url(), f.events(), f.enabled() == null ? Boolean.TRUE : f.enabled());
  }

  /** The body of editWebhook: the fields given change. */
  public static Fields partial(byte[] body) {
    return fields(body);
  }

  private static Fields fields(byte[] body) {
    JsonBody json = JsonBody.parse(body);
    String name = json.string("name", 1, MAX_NAME);
    String url = json.string("url", 1, MAX_URL);
    return new Fields(name, url == null ? null : url(url), events(json.node("events")), json.bool("enabled"));
  }

  /** An absolute http or https URL with a host. */
  private static URI url(String text) {
    String rule = "url must be an absolute http:// or https:// URL, got " + Params.quote(text);
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw ApiException.badRequest(rule + " (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
      throw ApiException.badRequest(rule);
    }
    return uri;
  }

  private static List<WebhookEventName> events(JsonNode events) {
    if (events == null) {
      return null;
    }
    String rule = "events must be a non-empty array of " + String.join(", ", WebhookEventName.wireNames());
    if (!events.isArray() || events.isEmpty()) {
      throw ApiException.badRequest(rule);
    }
    List<WebhookEventName> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      JsonNode e = events.get(i);
      WebhookEventName name = e.isTextual() ? WebhookEventName.fromWire(e.asText()) : null;
      if (name == null) {
        throw ApiException.badRequest("events[" + i + "] must be one of " + String.join(", ",
            WebhookEventName.wireNames()) + ", got " + (e.isTextual() ? Params.quote(e.asText()) : e.toString()));
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  /** The webhook object of Cloudflare's schema. */
  public static Map<String, Object> json(WebhookSubscription s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("url", s.url());
    m.put("events", s.events().stream().map(WebhookEventName::wire).toList());
    m.put("enabled", s.enabled());
    m.put("created_at", Timestamps.format(s.createdAt()));
    m.put("updated_at", Timestamps.format(s.updatedAt()));
    return m;
  }

  /** One delivery, for {@code GET .../webhooks/{id}/deliveries} (our extension). */
  public static Map<String, Object> json(OutboxDelivery d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", d.id());
    m.put("event", d.event());
    m.put("meeting_id", d.meetingId());
    m.put("status", d.status().name().toLowerCase(Locale.ROOT));
    m.put("attempts", d.attempts());
    m.put("last_status_code", d.lastStatus());
    m.put("last_error", d.lastError());
    m.put("created_at", Timestamps.format(d.createdAt()));
    m.put("updated_at", Timestamps.format(d.updatedAt()));
    if (d.status() == OutboxDelivery.Status.PENDING) {
      m.put("next_attempt_at", Timestamps.format(d.nextAttemptAt()));
    }
    return m;
  }
}
