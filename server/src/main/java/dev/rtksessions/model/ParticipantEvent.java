package dev.rtksessions.model;

/**
 * One participant event as accepted by the events API or mapped from a webhook.
 * {@code at} is the event time in epoch milliseconds.
 */
public record ParticipantEvent(
    String id,
    EventType type,
    String meetingId,
    long at,
    String peerId,
    String sessionId,
    String userId,
    String customParticipantId,
    String displayName,
    String presetName,
    SessionType sessionType,
    String meta,
    String meetingTitle,
    String parentMeetingId) {}
