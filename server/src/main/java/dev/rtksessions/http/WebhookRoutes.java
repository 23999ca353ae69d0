package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.WebhookPayloads;
import dev.rtksessions.engine.WebhookSignature;
import dev.rtksessions.engine.Webhooks;
import dev.rtksessions.model.Webhook;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST .../webhooks/realtimekit}: RealtimeKit's own webhooks, authenticated by their
 * {@code rtk-signature} instead of a token. Checks run in this order: the app (404), a key
 * to verify with (401), the signature over the raw body (401), the delivery id (400), the
 * payload (400); only then is anything read from or written to the sessions.
 */
final class WebhookRoutes {
  static final int MAX_BODY_BYTES = 1024 * 1024;

  private final Webhooks webhooks;

  WebhookRoutes(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  Reply receive(Request request) {
    String appId = request.app().id();
    PublicKey key = webhooks.keyFor(appId).orElseThrow(() -> ApiException.unauthorized(
        "no webhook public key is configured for app " + appId + " (set one for the app with"
            + " rtk-sessions webhook-key set, or for the service with RTK_WEBHOOK_PUBLIC_KEY)"));
    byte[] body = request.body(MAX_BODY_BYTES);
    String signature = request.header("rtk-signature");
    if (signature == null || signature.isBlank()) {
      throw ApiException.unauthorized("missing rtk-signature header (the base64 RSA-SHA256 signature of the body)");
    }
    if (!WebhookSignature.verify(key, body, signature)) {
      throw ApiException.unauthorized("rtk-signature is not a valid RSA-SHA256 signature of this body by the"
          + " webhook public key of app " + appId);
    }
    Webhook webhook = WebhookPayloads.parse(WebhookPayloads.deliveryId(request.header("rtk-uuid")), body);
    Webhooks.Receipt receipt = webhooks.receive(appId, webhook);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("delivery_id", receipt.deliveryId());
    data.put("event", receipt.event());
    data.put("status", receipt.status());
    if (receipt.message() != null) {
      data.put("message", receipt.message());
    }
    return Reply.ok(Envelope.of(data));
  }
}
