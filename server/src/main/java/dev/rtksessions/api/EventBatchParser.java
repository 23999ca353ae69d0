package dev.rtksessions.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.model.EventType;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.SessionType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the body of {@code POST .../events}: a JSON array, or NDJSON (one object a line).
 * Every malformed event is reported, by position, in one 400.
 */
public final class EventBatchParser {
  public static final int MAX_EVENTS = 1000;
  private static final int MAX_TEXT = 255;
  private static final int MAX_TITLE = 1024;
  private static final int MAX_META_CHARS = 16 * 1024;

  private EventBatchParser() {}

  public static List<ParticipantEvent> parse(byte[] body, boolean ndjson) {
    List<JsonNode> nodes = ndjson ? ndjsonNodes(body) : arrayNodes(body);
    if (nodes.isEmpty()) {
      throw ApiException.badRequest("the body must hold at least one event");
    }
    if (nodes.size() > MAX_EVENTS) {
      throw ApiException.tooLarge("a batch holds at most " + MAX_EVENTS + " events, got " + nodes.size());
    }
    List<ParticipantEvent> events = new ArrayList<>(nodes.size());
    List<Map<String, Object>> problems = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      try {
        events.add(event(nodes.get(i)));
      } catch (ApiException e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("index", i);
        JsonNode id = nodes.get(i).get("id");
        if (id != null && id.isTextual()) {
          problem.put("id", id.asText());
        }
        problem.put("status", "invalid");
        problem.put("message", e.getMessage());
        problems.add(problem);
      }
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest("event " + problems.get(0).get("index") + ": " + problems.get(0).get("message")
          + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more invalid events)" : "")
          + "; nothing was recorded").withResults(problems);
    }
    return events;
  }

  private static List<JsonNode> arrayNodes(byte[] body) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("the body must be a JSON array of events: " + shortReason(e));
    }
    if (root == null || !root.isArray()) {
      throw ApiException.badRequest("the body must be a JSON array of events"
          + " (or NDJSON with Content-Type: application/x-ndjson)");
    }
    List<JsonNode> nodes = new ArrayList<>(root.size());
    root.forEach(nodes::add);
    return nodes;
  }

  private static List<JsonNode> ndjsonNodes(byte[] body) {
    List<JsonNode> nodes = new ArrayList<>();
    String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        nodes.add(Json.MAPPER.readTree(lines[i]));
      } catch (IOException e) {
        throw ApiException.badRequest("NDJSON line " + (i + 1) + " is not JSON: " + shortReason(e));
      }
    }
    return nodes;
  }

  private static ParticipantEvent event(JsonNode n) {
    if (!n.isObject()) {
      throw ApiException.badRequest("an event must be a JSON object");
    }
    String id = Ids.entityId("id", required(n, "id"));
    String typeText = required(n, "type");
    EventType type = EventType.fromWire(typeText);
    if (type == null) {
      throw ApiException.badRequest("type must be one of participant.joined, participant.left, session.ended, got "
          + Params.quote(typeText));
    }
    String meetingId = Ids.entityId("meeting_id", required(n, "meeting_id"));
    String atText = required(n, "at");
    long at;
    try {
      at = Timestamps.parse(atText);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("at must be " + e.getMessage() + ", got " + Params.quote(atText));
    }
    String peerId = optional(n, "peer_id", 64);
    if (type != EventType.SESSION_ENDED) {
      if (peerId == null) {
        throw ApiException.badRequest("peer_id is required for " + type.wire());
      }
      Ids.entityId("peer_id", peerId);
    } else if (peerId != null) {
      Ids.entityId("peer_id", peerId);
    }
    String sessionId = optional(n, "session_id", 64);
    if (sessionId != null) {
      Ids.entityId("session_id", sessionId);
    }
    String parentMeetingId = optional(n, "parent_meeting_id", 64);
    if (parentMeetingId != null) {
      Ids.entityId("parent_meeting_id", parentMeetingId);
      if (parentMeetingId.equals(meetingId)) {
        throw ApiException.badRequest("parent_meeting_id must differ from meeting_id");
      }
    }
    String sessionTypeText = optional(n, "session_type", MAX_TEXT);
    SessionType sessionType = null;
    if (sessionTypeText != null) {
      sessionType = SessionType.fromWire(sessionTypeText);
      if (sessionType == null) {
        throw ApiException.badRequest("session_type must be one of meeting, livestream, participant, got "
            + Params.quote(sessionTypeText));
      }
    }
    return new ParticipantEvent(id, type, meetingId, at, peerId, sessionId, optional(n, "user_id", MAX_TEXT),
        optional(n, "custom_participant_id", MAX_TEXT), optional(n, "display_name", MAX_TEXT),
        optional(n, "preset_name", MAX_TEXT), sessionType, meta(n), optional(n, "meeting_title", MAX_TITLE),
        parentMeetingId);
  }

  private static String required(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw ApiException.badRequest(field + " is required");
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest(field + " must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    return Json.text(field, v);
  }

  private static String optional(JsonNode n, String field, int maxLength) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest(field + " must be a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    String text = Json.text(field, v);
    if (text.length() > maxLength) {
      throw ApiException.badRequest(field + " must be at most " + maxLength + " characters, got " + text.length());
    }
    return text;
  }

  private static String meta(JsonNode n) {
    JsonNode v = n.get("meta");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw ApiException.badRequest("meta must be a JSON object, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    try {
      String text = Json.MAPPER.writeValueAsString(v);
      if (text.length() > MAX_META_CHARS) {
        throw ApiException.badRequest("meta must be at most " + MAX_META_CHARS + " characters of JSON, got "
            + text.length());
      }
      return text;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("meta must be a JSON object");
    }
  }

  private static String shortReason(IOException e) {
    String msg = e.getMessage() == null ? "unreadable" : e.getMessage();
    int cut = msg.indexOf('\n');
    return cut > 0 ? msg.substring(0, cut) : msg;
  }
}
