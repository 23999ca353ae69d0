package dev.rtksessions.model;

import java.util.Arrays;
import java.util.List;

/**
 * The events a webhook registered through Cloudflare's webhooks API can subscribe to, with their
 * wire names (Cloudflare's schema lists all nine; which of them this service sends: docs/api.md).
 */
public enum WebhookEventName {
  MEETING_STARTED("meeting.started"),
  MEETING_ENDED("meeting.ended"),
  PARTICIPANT_JOINED("meeting.participantJoined"),
  PARTICIPANT_LEFT("meeting.participantLeft"),
  CHAT_SYNCED("meeting.chatSynced"),
  RECORDING_STATUS_UPDATE("recording.statusUpdate"),
  LIVESTREAMING_STATUS_UPDATE("livestreaming.statusUpdate"),
  TRANSCRIPT("meeting.transcript"),
  SUMMARY("meeting.summary");

  private final String wire;

  WebhookEventName(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The event with this wire name; null when there is none. */
  public static WebhookEventName fromWire(String wire) {
    for (WebhookEventName e : values()) {
      if (e.wire.equals(wire)) {
        return e;
      }
    }
    return null;
  }

  /** Every wire name, in Cloudflare's order. */
  public static List<String> wireNames() {
    return Arrays.stream(values()).map(WebhookEventName::wire).toList();
  }
}
