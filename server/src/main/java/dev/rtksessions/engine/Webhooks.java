package dev.rtksessions.engine;

import dev.rtksessions.model.Webhook;
import dev.rtksessions.model.WebhookAction;
import dev.rtksessions.model.WebhookDelivery;
import dev.rtksessions.model.WebhookDelivery.Outcome;
import dev.rtksessions.storage.ArtifactStore;
import dev.rtksessions.storage.WebhookStore;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies verified RealtimeKit webhooks: participant events go through the same
 * {@link SessionEngine} as the events API, artifact links are recorded, and every delivery
 * is remembered by its {@code rtk-uuid} so that a retry changes nothing.
 *
 * <p>The delivery row is written after its effect, not in the same transaction (the engine
 * owns its own). That is safe because every effect is idempotent on its own: a participant
 * event's id is derived from the delivery id, a link is an upsert of the same values, and a
 * meeting is only created when missing. A retry after a failure between the two simply
 * applies nothing new and then records the delivery.
 */
public final class Webhooks {
  private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

  private final WebhookStore deliveries;
  private final ArtifactStore artifacts;
  private final Catalog catalog;
  private final SessionEngine engine;
  private final Clock clock;
  private final PublicKey globalKey;

  /** @param globalKey the service-wide key (RTK_WEBHOOK_PUBLIC_KEY); null when none is configured */
  public Webhooks(WebhookStore deliveries, ArtifactStore artifacts, Catalog catalog, SessionEngine engine, Clock clock,
      PublicKey globalKey) {
    this.deliveries = deliveries;
    this.artifacts = artifacts;
    this.catalog = catalog;
    this.engine = engine;
    this.clock = clock;
    this.globalKey = globalKey;
  }

  /** The key that verifies the app's webhooks: its own when it has one, else the global one. */
  public Optional<PublicKey> keyFor(String appId) {
    Optional<String> own = deliveries.publicKey(appId);
    if (own.isPresent()) {
      // Stored keys were parsed before they were stored (webhook-key set), so this parses.
      return Optional.of(WebhookSignature.parsePem(own.get()));
    }
    return Optional.ofNullable(globalKey);
  }

  /** The result of one delivery, for the answer. */
  public record Receipt(String deliveryId, String event, String status, String message) {}

  public Receipt receive(String appId, Webhook webhook) {
    if (deliveries.isDelivered(appId, webhook.deliveryId())) {
      return new Receipt(webhook.deliveryId(), webhook.event(), "duplicate", null);
    }
    Applied applied;
    try {
      applied = apply(appId, webhook.action());
    } catch (EventsRejectedException e) {
      applied = new Applied(Outcome.REJECTED, e.getMessage());
    } catch (ConflictException e) {
      // Left after the engine's retries: the payload's session id is already another session's.
      applied = new Applied(Outcome.REJECTED, "meeting.sessionId is already the id of another session (of another"
          + " meeting, or an earlier session of this one); nothing was recorded");
    }
    if (applied.outcome() == Outcome.REJECTED) {
      // RealtimeKit retries only on 5xx: a 4xx would be logged there as failed and forgotten.
      // So the delivery is acknowledged, recorded (a retry stays a duplicate) and logged here.
      log.warn("webhook delivery {} ({}) for app {} contradicts the recorded state and changes nothing: {}",
          webhook.deliveryId(), webhook.event(), appId, applied.detail());
    }
    deliveries.recordDelivery(new WebhookDelivery(appId, webhook.deliveryId(), webhook.event(),
        applied.outcome(), applied.detail(), clock.millis()));
    return new Receipt(webhook.deliveryId(), webhook.event(), applied.outcome().name().toLowerCase(Locale.ROOT),
        applied.detail());
  }

  private record Applied(Outcome outcome, String detail) {}

  private Applied apply(String appId, WebhookAction action) {
    if (action instanceof WebhookAction.Ingest ingest) {
      EventOutcome result = engine.ingestHolding(appId, ingest.event(), ingest.leaveJoinedAt());
      return switch (result.status()) {
        case APPLIED -> new Applied(Outcome.APPLIED, null);
        case HELD -> new Applied(Outcome.HELD, result.message());
        default -> new Applied(Outcome.DUPLICATE, null);
      };
    }
    if (action instanceof WebhookAction.EnsureMeeting m) {
      catalog.ensureMeeting(appId, m.meetingId(), m.title());
      return new Applied(Outcome.APPLIED, null);
    }
    if (action instanceof WebhookAction.RecordLink link) {
      artifacts.recordLink(appId, link.sessionId(), link.kind(), link.url(), link.urlExpiry(),
          clock.millis());
      return new Applied(Outcome.APPLIED, null);
    }
    return new Applied(Outcome.IGNORED, null);
  }
}
