package dev.rtksessions.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The payloads of the webhooks this service sends, in RealtimeKit's shapes (camelCase, times in
 * ISO-8601 UTC with milliseconds): the same shapes its own RealtimeKit receiver reads
 * ({@code api.WebhookPayloads}). {@code meeting.status} is "LIVE" in every event, as in
 * RealtimeKit's own.
 */
final class RealtimeKitPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private RealtimeKitPayloads() {}

  /** What every payload says of the meeting and the app it belongs to. */
  record MeetingInfo(String appId, String appName, String meetingId, String title, long createdAt) {}

  /** A participant as a payload names it; {@code joinedAt} and {@code leftAt} may be null. */
  record Peer(String peerId, String displayName, String customParticipantId, Long joinedAt, Long leftAt) {}

  static String meetingStarted(MeetingInfo m, String sessionId, long startedAt) {
    ObjectNode root = root("meeting.started");
    meeting(root, m, sessionId).put("startedAt", time(startedAt));
    return write(root);
  }

  static String participantJoined(MeetingInfo m, String sessionId, Peer p) {
    ObjectNode root = root("meeting.participantJoined");
    meeting(root, m, sessionId);
    participant(root, p);
    return write(root);
  }

  static String participantLeft(MeetingInfo m, String sessionId, Peer p) {
    ObjectNode root = root("meeting.participantLeft");
    meeting(root, m, sessionId);
    participant(root, p);
    return write(root);
  }

  /** {@code reason}: HOST_ENDED_MEETING (an end event) or ALL_PARTICIPANTS_LEFT (the keep-alive ran out). */
  static String meetingEnded(MeetingInfo m, String sessionId, long endedAt, String reason) {
    ObjectNode root = root("meeting.ended");
    meeting(root, m, sessionId).put("endedAt", time(endedAt));
    root.put("reason", reason);
    return write(root);
  }

  static String time(long epochMillis) {
    return TIME.format(java.time.Instant.ofEpochMilli(epochMillis));
  }

  private static ObjectNode root(String event) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", event);
    return root;
  }

  private static ObjectNode meeting(ObjectNode root, MeetingInfo m, String sessionId) {
    ObjectNode meeting = root.putObject("meeting");
    meeting.put("id", m.meetingId());
    if (sessionId != null) {
      meeting.put("sessionId", sessionId);
    }
    meeting.put("title", m.title());
    meeting.put("roomName", m.meetingId());
    meeting.put("status", "LIVE");
    meeting.put("createdAt", time(m.createdAt()));
    meeting.putObject("organizedBy").put("id", m.appId()).put("name", m.appName());
    return meeting;
  }

  private static void participant(ObjectNode root, Peer p) {
    ObjectNode participant = root.putObject("participant");
    participant.put("peerId", p.peerId());
    if (p.displayName() != null) {
      participant.put("userDisplayName", p.displayName());
    }
    if (p.customParticipantId() != null) {
      participant.put("customParticipantId", p.customParticipantId());
      participant.put("clientSpecificId", p.customParticipantId()); // its deprecated name, still sent
    }
    if (p.joinedAt() != null) {
      participant.put("joinedAt", time(p.joinedAt()));
    }
    if (p.leftAt() != null) {
      participant.put("leftAt", time(p.leftAt()));
    }
  }

  private static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serializes", e);
    }
  }
}
