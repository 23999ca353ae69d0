package dev.rtksessions.model;

/** What one RealtimeKit webhook asks of the service, as read from its payload. */
public sealed interface WebhookAction {
  /**
   * A participant event for the session engine (joins, leaves, ends). {@code leaveJoinedAt}:
   * for a leave, the join time it carries (null when it carries none).
   */
  record Ingest(ParticipantEvent event, Long leaveJoinedAt) implements WebhookAction {}

  /** {@code meeting.started}: the meeting exists from now on, with this title; no session starts. */
  record EnsureMeeting(String meetingId, String title) implements WebhookAction {}

  /** A download link for one of a session's artifacts, kept as RealtimeKit gave it. */
  record RecordLink(String sessionId, ArtifactKind kind, String url, String urlExpiry) implements WebhookAction {}

  /** An event this service has no use for: acknowledged, recorded as delivered, nothing else. */
  record Ignore() implements WebhookAction {}
}
