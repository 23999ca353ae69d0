package dev.rtksessions.model;

import java.util.Arrays;
import java.util.List;

/**
 * The events a webhook registered through Cloudflare's webhooks API can subscribe to, with their
 * wire names. This service sends the meeting and participant events; recording and livestreaming
 * updates are accepted in a subscription (Cloudflare's schema lists them) and never sent, as the
 * service records neither.
 */
public enum WebhookEventName {
  MEETING_STARTED("meeting.started", true),
  MEETING_ENDED("meeting.ended", true),
  PARTICIPANT_JOINED("meeting.participantJoined", true),
  PARTICIPANT_LEFT("meeting.participantLeft", true),
  CHAT_SYNCED("meeting.chatSynced", true),
  RECORDING_STATUS_UPDATE("recording.statusUpdate", false),
  LIVESTREAMING_STATUS_UPDATE("livestreaming.statusUpdate", false),
  TRANSCRIPT("meeting.transcript", true),
  SUMMARY("meeting.summary", true);

  private final String wire;
  private final boolean sent;

  WebhookEventName(String wire, boolean sent) {
    this.wire = wire;
    this.sent = sent;
  }

  public String wire() {
    return wire;
  }

  /** False for the events a subscription may name but this service never sends. */
  public boolean sent() {
    return sent;
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
