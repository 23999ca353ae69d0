package dev.rtksessions.model;

/**
 * One RealtimeKit webhook delivery after its signature was verified.
 *
 * @param deliveryId the {@code rtk-uuid} header, unique per delivery (retries repeat it)
 * @param event the payload's {@code event} name
 * @param action what the payload asks for
 */
public record Webhook(String deliveryId, String event, WebhookAction action) {}
