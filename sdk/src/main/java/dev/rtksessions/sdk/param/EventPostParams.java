package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parameters of {@code events().post(appId, params)}: {@code POST
 * /accounts/{account_id}/realtime/kit/{app_id}/events}, rtk-sessions' extension for feeding
 * participant events (Cloudflare has no such endpoint). A batch holds 1 to 1000 events.
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class EventPostParams {
  /** The most events one batch may hold. */
  public static final int MAX_EVENTS = 1000;

  private final String accountId;
  private final List<Event> events;

  private EventPostParams(Builder b) {
    this.accountId = Require.present(b.accountId, "accountId");
    if (b.events.isEmpty() || b.events.size() > MAX_EVENTS) {
      throw new IllegalStateException("a batch holds 1 to " + MAX_EVENTS + " events, got " + b.events.size());
    }
    this.events = List.copyOf(b.events);
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the Cloudflare account id (path) */
  public String accountId() {
    return accountId;
  }

  /** @return the events, in the order given */
  public List<Event> events() {
    return events;
  }

  /**
   * The JSON body this sends: an array of events.
   *
   * @return a new JSON array
   */
  public ArrayNode body() {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    events.forEach(e -> array.add(e.json()));
    return array;
  }

  /** The kinds of event. */
  public enum Type implements WireEnum {
    PARTICIPANT_JOINED("participant.joined"),
    PARTICIPANT_LEFT("participant.left"),
    SESSION_ENDED("session.ended");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    @Override
    public String wireValue() {
      return wire;
    }
  }

  /** One participant event; optional fields left unset are not sent. */
  public record Event(
      String id, Type type, String meetingId, Instant at, String peerId, String sessionId, String displayName,
      String customParticipantId, String userId, String presetName, String meetingTitle, String parentMeetingId) {

    /** A peer joining a meeting (starting a session when none is live). */
    public static Event joined(String id, String meetingId, String peerId, Instant at) {
      return new Event(id, Type.PARTICIPANT_JOINED, meetingId, at, peerId, null, null, null, null, null, null, null);
    }

    /** A peer leaving a meeting. */
    public static Event left(String id, String meetingId, String peerId, Instant at) {
      return new Event(id, Type.PARTICIPANT_LEFT, meetingId, at, peerId, null, null, null, null, null, null, null);
    }

    /** The meeting's live session ending at once. */
    public static Event sessionEnded(String id, String meetingId, Instant at) {
      return new Event(id, Type.SESSION_ENDED, meetingId, at, null, null, null, null, null, null, null, null);
    }

    /** @return this event with the participant's display name and custom participant id */
    public Event withParticipant(String displayName, String customParticipantId) {
      return new Event(id, type, meetingId, at, peerId, sessionId, displayName, customParticipantId, userId,
          presetName, meetingTitle, parentMeetingId);
    }

    /** @return this event naming the meeting's title and parent, used when it creates the meeting */
    public Event withMeeting(String title, String parentMeetingId) {
      return new Event(id, type, meetingId, at, peerId, sessionId, displayName, customParticipantId, userId,
          presetName, title, parentMeetingId);
    }

    com.fasterxml.jackson.databind.node.ObjectNode json() {
      return new Body()
          .put("id", Require.present(id, "id"))
          .put("type", type)
          .put("meeting_id", Require.present(meetingId, "meetingId"))
          .put("at", at == null ? null : at.toString())
          .put("peer_id", peerId)
          .put("session_id", sessionId)
          .put("display_name", displayName)
          .put("custom_participant_id", customParticipantId)
          .put("user_id", userId)
          .put("preset_name", presetName)
          .put("meeting_title", meetingTitle)
          .put("parent_meeting_id", parentMeetingId)
          .build();
    }
  }

  /** Collects the values; {@link #build()} checks them. */
  public static final class Builder {
    private String accountId;
    private final List<Event> events = new ArrayList<>();

    private Builder() {}

    /**
     * @param accountId the Cloudflare account id (path) (required)
     * @return this builder
     */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    /**
     * @param event an event to send (1 to 1000 per batch)
     * @return this builder
     */
    public Builder addEvent(Event event) {
      events.add(event);
      return this;
    }

    /**
     * @param more events to send
     * @return this builder
     */
    public Builder addEvents(List<Event> more) {
      events.addAll(more);
      return this;
    }

    /**
     * @return the parameters
     * @throws IllegalStateException if the account is unset or the batch is empty or too large
     */
    public EventPostParams build() {
      return new EventPostParams(this);
    }
  }
}
