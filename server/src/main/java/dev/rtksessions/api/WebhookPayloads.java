package dev.rtksessions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.model.ArtifactKind;
import dev.rtksessions.model.EventType;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Webhook;
import dev.rtksessions.model.WebhookAction;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads RealtimeKit webhook payloads (camelCase, reference §7) into what they ask of the
 * service. Fields are named in errors by their path in the payload ({@code meeting.id},
 * {@code participant.joinedAt}); every failure is a 400.
 *
 * <ul>
 *   <li>{@code meeting.participantJoined}: a join at {@code participant.joinedAt};</li>
 *   <li>{@code meeting.participantLeft}: a leave at {@code participant.leftAt}, or at
 *       {@code meeting.endedAt} when the participant carries no time; its
 *       {@code participant.joinedAt} says which join it closes (a leave that comes first
 *       waits for that one);</li>
 *   <li>{@code meeting.ended}: an end at {@code meeting.endedAt}, whatever the {@code reason};</li>
 *   <li>{@code meeting.started}: the meeting, with its title;</li>
 *   <li>{@code meeting.chatSynced}, {@code meeting.transcript}, {@code meeting.summary}: a link;</li>
 *   <li>anything else: nothing.</li>
 * </ul>
 * A participant event's id is derived from the delivery ({@code rtk:<rtk-uuid>}), so the
 * engine's own idempotency also holds for a retried delivery. {@code meeting.sessionId}
 * becomes the id of the session a join starts.
 */
public final class WebhookPayloads {
  /** Delivery ids are used inside event ids ("rtk:" + id), which hold at most 64 characters. */
  private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,60}");
  private static final String EVENT_ID_PREFIX = "rtk:";
  private static final int MAX_EVENT_NAME = 64;
  private static final int MAX_TEXT = 255;
  private static final int MAX_TITLE = 1024;
  private static final int MAX_URL = 8192;

  private WebhookPayloads() {}

  /** Checks the {@code rtk-uuid} header. */
  public static String deliveryId(String header) {
    if (header == null || header.isBlank()) {
      throw ApiException.badRequest("the rtk-uuid header is required: it identifies the delivery, so that a retry"
          + " changes nothing");
    }
    if (!DELIVERY_ID.matcher(header).matches()) {
      throw ApiException.badRequest("rtk-uuid must be 1-60 characters of A-Z a-z 0-9 . _ : -, got "
          + Params.quote(header));
    }
    return header;
  }

  public static Webhook parse(String deliveryId, byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("the body must be a JSON object (a RealtimeKit webhook payload): it is not"
          + " valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object (a RealtimeKit webhook payload)");
    }
    String event = text(root, "event", "event", MAX_EVENT_NAME, true);
    String eventId = EVENT_ID_PREFIX + deliveryId;
    WebhookAction action = switch (event) {
      case "meeting.participantJoined" -> participant(root, eventId, EventType.JOINED);
      case "meeting.participantLeft" -> participant(root, eventId, EventType.LEFT);
      case "meeting.ended" -> ended(root, eventId);
      case "meeting.started" -> {
        JsonNode meeting = object(root, "meeting");
        yield new WebhookAction.EnsureMeeting(id(meeting, "meeting.id", "id", true),
            text(meeting, "meeting.title", "title", MAX_TITLE, false));
      }
      case "meeting.chatSynced" -> link(root, id(root, "sessionId", "sessionId", true), ArtifactKind.CHAT,
          "chatDownloadUrl", "chatDownloadUrlExpiry");
      case "meeting.transcript" -> link(root, id(object(root, "meeting"), "meeting.sessionId", "sessionId", true),
          ArtifactKind.TRANSCRIPT, "transcriptDownloadUrl", "transcriptDownloadUrlExpiry");
      case "meeting.summary" -> link(root, id(object(root, "meeting"), "meeting.sessionId", "sessionId", true),
          ArtifactKind.SUMMARY, "summaryDownloadUrl", "summaryDownloadUrlExpiry");
      default -> new WebhookAction.Ignore();
    };
    return new Webhook(deliveryId, event, action);
  }

  private static WebhookAction participant(JsonNode root, String eventId, EventType type) {
    JsonNode meeting = object(root, "meeting");
    JsonNode participant = object(root, "participant");
    String meetingId = id(meeting, "meeting.id", "id", true);
    String peerId = id(participant, "participant.peerId", "peerId", true);
    long at;
    Long leaveJoinedAt = null;
    if (type == EventType.JOINED) {
      at = requiredTime(participant, "participant.joinedAt", "joinedAt");
    } else {
      leaveJoinedAt = optionalTime(participant, "participant.joinedAt", "joinedAt");
      Long leftAt = optionalTime(participant, "participant.leftAt", "leftAt");
      Long endedAt = optionalTime(meeting, "meeting.endedAt", "endedAt");
      if (leftAt == null && endedAt == null) {
        throw ApiException.badRequest("participant.leftAt is required (or meeting.endedAt, used when the participant"
            + " carries no leave time)");
      }
      at = leftAt != null ? leftAt : endedAt;
    }
    // clientSpecificId is the deprecated name of customParticipantId.
    String custom = text(participant, "participant.customParticipantId", "customParticipantId", MAX_TEXT, false);
    if (custom == null) {
      custom = text(participant, "participant.clientSpecificId", "clientSpecificId", MAX_TEXT, false);
    }
    return new WebhookAction.Ingest(new ParticipantEvent(eventId, type, meetingId, at, peerId,
        id(meeting, "meeting.sessionId", "sessionId", false), null, custom,
        text(participant, "participant.userDisplayName", "userDisplayName", MAX_TEXT, false), null, null, null,
        text(meeting, "meeting.title", "title", MAX_TITLE, false), null), leaveJoinedAt);
  }

  private static WebhookAction ended(JsonNode root, String eventId) {
    JsonNode meeting = object(root, "meeting");
    // Both reasons (HOST_ENDED_MEETING, ALL_PARTICIPANTS_LEFT) end the meeting's session at
    // endedAt; after ALL_PARTICIPANTS_LEFT the engine dates the end at the last leave, as the
    // session was already empty then.
    return new WebhookAction.Ingest(new ParticipantEvent(eventId, EventType.SESSION_ENDED,
        id(meeting, "meeting.id", "id", true), requiredTime(meeting, "meeting.endedAt", "endedAt"), null,
        id(meeting, "meeting.sessionId", "sessionId", false), null, null, null, null, null, null,
        text(meeting, "meeting.title", "title", MAX_TITLE, false), null), null);
  }

  /** The link fields sit at the top level of the payload in all three events. */
  private static WebhookAction link(JsonNode root, String sessionId, ArtifactKind kind, String urlField,
      String expiryField) {
    String url = text(root, urlField, urlField, MAX_URL, true);
    String expiry = text(root, expiryField, expiryField, MAX_TEXT, true);
    try {
      Timestamps.parseWebhookTime(expiry);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(expiryField + " must be " + e.getMessage() + ", got "
          + Params.quote(expiry));
    }
    return new WebhookAction.RecordLink(sessionId, kind, url, expiry);
  }

  // ---- fields -------------------------------------------------------------------------------

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw ApiException.badRequest(field + " is required");
    }
    if (!v.isObject()) {
      throw ApiException.badRequest(field + " must be an object, got " + type(v));
    }
    return v;
  }

  /** A string field; {@code path} names it in errors. Null when optional and absent. */
  private static String text(JsonNode parent, String path, String field, int maxLength, boolean required) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw ApiException.badRequest(path + " is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest(path + " must be a string, got " + type(v));
    }
    String s = Json.text(path, v);
    if (required && s.isEmpty()) {
      throw ApiException.badRequest(path + " must not be empty");
    }
    if (s.length() > maxLength) {
      throw ApiException.badRequest(path + " must be at most " + maxLength + " characters, got " + s.length());
    }
    return s;
  }

  private static String id(JsonNode parent, String path, String field, boolean required) {
    String v = text(parent, path, field, Integer.MAX_VALUE, required);
    return v == null ? null : Ids.entityId(path, v);
  }

  private static long requiredTime(JsonNode parent, String path, String field) {
    Long t = optionalTime(parent, path, field);
    if (t == null) {
      throw ApiException.badRequest(path + " is required");
    }
    return t;
  }

  private static Long optionalTime(JsonNode parent, String path, String field) {
    String v = text(parent, path, field, MAX_TEXT, false);
    if (v == null) {
      return null;
    }
    try {
      return Timestamps.parseWebhookTime(v);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(path + " must be " + e.getMessage() + ", got " + Params.quote(v));
    }
  }

  private static String type(JsonNode v) {
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
