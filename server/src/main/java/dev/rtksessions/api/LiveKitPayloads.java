package dev.rtksessions.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.model.EventType;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Webhook;
import dev.rtksessions.model.WebhookAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads LiveKit's webhook bodies: a {@code WebhookEvent} in protobuf's JSON (camelCase names,
 * 64-bit integers as strings or numbers, enums by name or number; the proto field names are read
 * too) into what it asks of the service:
 *
 * <ul>
 *   <li>{@code participant_joined}: a join of {@code participant.sid} at {@code createdAt};</li>
 *   <li>{@code participant_left}, {@code participant_connection_aborted}: a leave at
 *       {@code createdAt}, closing the join at {@code participant.joinedAt};</li>
 *   <li>{@code room_finished}: an end of the meeting's session at {@code createdAt};</li>
 *   <li>{@code room_started}: the meeting, titled with the room's name; no session starts;</li>
 *   <li>participants of kind EGRESS (LiveKit's recorders and streamers, not people), track,
 *       egress, ingress and agent job events, and anything else: nothing.</li>
 * </ul>
 * A room is a meeting whose id is the room's name when that is a valid id, else a name-based
 * UUID of the name; a participant's {@code sid} is the peer id, {@code identity} the custom
 * participant id, {@code name} the display name. The delivery and its participant event are
 * named {@code lk:<id>} after the event's id, so a delivery sent again changes nothing.
 */
public final class LiveKitPayloads {
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,60}");
  private static final String ID_PREFIX = "lk:";
  private static final int MAX_TEXT = 255;
  private static final int MAX_ROOM_NAME = 1024;
  /** ParticipantInfo.Kind EGRESS, by number and by name. */
  private static final int EGRESS = 2;

  private LiveKitPayloads() {}

  /** The meeting id of a room: its name when that is a valid id, else a name-based UUID of it. */
  public static String meetingId(String roomName) {
    return Ids.isEntityId(roomName) ? roomName
        : UUID.nameUUIDFromBytes(("livekit room\n" + roomName).getBytes(StandardCharsets.UTF_8)).toString();
  }

  public static Webhook parse(byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("the body must be a JSON object (a LiveKit WebhookEvent): it is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object (a LiveKit WebhookEvent)");
    }
    String event = text(root, "event", null, 64, true);
    String id = text(root, "id", null, 60, true);
    if (!EVENT_ID.matcher(id).matches()) {
      throw ApiException.badRequest("id must be 1-60 characters of A-Z a-z 0-9 . _ : -, got " + Params.quote(id));
    }
    String eventId = ID_PREFIX + id;
    WebhookAction action = switch (event) {
      case "participant_joined" -> participant(root, eventId, EventType.JOINED);
      case "participant_left", "participant_connection_aborted" -> participant(root, eventId, EventType.LEFT);
      case "room_finished" -> {
        String room = roomName(root);
        yield new WebhookAction.Ingest(new ParticipantEvent(eventId, EventType.SESSION_ENDED, meetingId(room),
            createdAt(root), null, null, null, null, null, null, null, null, room, null), null);
      }
      case "room_started" -> {
        String room = roomName(root);
        yield new WebhookAction.EnsureMeeting(meetingId(room), room);
      }
      default -> new WebhookAction.Ignore();
    };
    return new Webhook(eventId, event, action);
  }

  private static WebhookAction participant(JsonNode root, String eventId, EventType type) {
    String room = roomName(root);
    JsonNode p = object(root, "participant");
    if (isEgress(p.get("kind"))) {
      return new WebhookAction.Ignore();
    }
    String peerId = Ids.entityId("participant.sid", text(p, "sid", "participant", 64, true));
    long at = createdAt(root);
    Long joinedAt = null;
    if (type == EventType.LEFT) {
      long seconds = int64(p, "joinedAt", "joined_at", "participant.joinedAt");
      joinedAt = seconds > 0 ? millis(seconds, "participant.joinedAt") : null;
    }
    return new WebhookAction.Ingest(new ParticipantEvent(eventId, type, meetingId(room), at, peerId, null, null,
        text(p, "identity", "participant", MAX_TEXT, false), text(p, "name", "participant", MAX_TEXT, false), null,
        null, null, room, null), joinedAt);
  }

  private static boolean isEgress(JsonNode kind) {
    if (kind == null || kind.isNull()) {
      return false;
    }
    return kind.isNumber() ? kind.asInt() == EGRESS : "EGRESS".equals(kind.asText().toUpperCase(Locale.ROOT));
  }

  private static String roomName(JsonNode root) {
    return text(object(root, "room"), "name", "room", MAX_ROOM_NAME, true);
  }

  private static long createdAt(JsonNode root) {
    long seconds = int64(root, "createdAt", "created_at", "createdAt");
    if (seconds == 0) {
      throw ApiException.badRequest("createdAt is required (seconds since the epoch)");
    }
    return millis(seconds, "createdAt");
  }

  private static long millis(long seconds, String path) {
    if (seconds < 0 || seconds > Timestamps.MAX / 1000) {
      throw ApiException.badRequest(path + " must be seconds from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z, got "
          + seconds);
    }
    return seconds * 1000;
  }

  /** An int64 as protobuf's JSON writes it (a string of digits, or a number); 0 when absent. */
  private static long int64(JsonNode parent, String jsonName, String protoName, String path) {
    JsonNode v = parent.has(jsonName) ? parent.get(jsonName) : parent.get(protoName);
    if (v == null || v.isNull()) {
      return 0;
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    if (v.isTextual() && v.asText().matches("-?\\d{1,18}")) {
      return Long.parseLong(v.asText());
    }
    throw ApiException.badRequest(path + " must be an integer (seconds), got " + v);
  }

  private static JsonNode object(JsonNode parent, String field) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      throw ApiException.badRequest(field + " is required");
    }
    if (!v.isObject()) {
      throw ApiException.badRequest(field + " must be an object, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return v;
  }

  /** A string field, named {@code parent.field} in errors. Null when optional and absent or empty. */
  private static String text(JsonNode node, String field, String parent, int maxLength, boolean required) {
    String path = parent == null ? field : parent + "." + field;
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
      if (required) {
        throw ApiException.badRequest(path + " is required");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest(path + " must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String s = Json.text(path, v);
    if (s.length() > maxLength) {
      throw ApiException.badRequest(path + " must be at most " + maxLength + " characters, got " + s.length());
    }
    return s;
  }
}
