package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.LiveKitPayloads;
import dev.rtksessions.api.WebhookPayloads;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.engine.LiveKitWebhooks;
import dev.rtksessions.engine.WebhookSignature;
import dev.rtksessions.engine.Webhooks;
import dev.rtksessions.model.App;
import dev.rtksessions.model.Webhook;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST .../webhooks/realtimekit} and {@code .../webhooks/livekit}: webhooks authenticated
 * by their signature instead of a token.
 *
 * <p>RealtimeKit's own webhooks carry {@code rtk-signature}. Checks run in this order: the body's size (413),
 * the signature header (401), the signature over the raw body by the app's key (401: also for
 * an unknown app and an app without a key, so that nobody without a valid signature learns
 * which apps exist), the delivery id (400), the payload (400); only then is anything read from
 * or written to the sessions.
 */
final class WebhookRoutes {
  static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final Logger log = LoggerFactory.getLogger(WebhookRoutes.class);

  private final Catalog catalog;
  private final Webhooks webhooks;
  private final LiveKitWebhooks liveKit;

  WebhookRoutes(Catalog catalog, Webhooks webhooks, LiveKitWebhooks liveKit) {
    this.catalog = catalog;
    this.webhooks = webhooks;
    this.liveKit = liveKit;
  }

  Reply receive(Request request) {
    String appId = request.path("app_id");
    byte[] body = request.body();
    String signature = request.header("rtk-signature");
    if (signature == null || signature.isBlank()) {
      throw ApiException.unauthorized("missing rtk-signature header (the base64 RSA-SHA256 signature of the body)");
    }
    Optional<App> app = catalog.findApp(request.path("account_id"), appId);
    Optional<PublicKey> key = app.flatMap(a -> webhooks.keyFor(a.id()));
    if (app.isPresent() && key.isEmpty()) {
      log.warn("webhook delivery for app {} refused: no webhook public key is configured (set one for the app with"
          + " rtk-sessions webhook-key set, or for the service with RTK_WEBHOOK_PUBLIC_KEY)", appId);
    }
    if (key.isEmpty() || !WebhookSignature.verify(key.get(), body, signature)) {
      throw ApiException.unauthorized("rtk-signature is not a valid RSA-SHA256 signature of this body by the"
          + " webhook public key of app " + appId + " (the app's own key, else the service's; deliveries are"
          + " refused while neither is configured)");
    }
    Webhook webhook = WebhookPayloads.parse(WebhookPayloads.deliveryId(request.header("rtk-uuid")), body);
    return answer(webhooks.receive(app.get().id(), webhook));
  }

  /**
   * LiveKit's webhooks: the JWT in {@code Authorization} (its signature, issuer, expiry and the
   * body's hash: 401, like an unknown app), then the body (400); only then is anything recorded.
   */
  Reply receiveLiveKit(Request request) {
    byte[] body = request.body();
    String appId = request.path("app_id");
    Optional<App> app = catalog.findApp(request.path("account_id"), appId);
    Optional<String> refusal = liveKit.refusal(appId, app.isPresent(), request.header("Authorization"), body);
    if (refusal.isPresent()) {
      throw ApiException.unauthorized(refusal.get());
    }
    return answer(webhooks.receive(app.get().id(), LiveKitPayloads.parse(body)));
  }

  private static Reply answer(Webhooks.Receipt receipt) {
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
