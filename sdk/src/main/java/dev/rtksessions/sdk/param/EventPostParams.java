package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of {@code events().post(appId, params)}: {@code POST
 * /accounts/{account_id}/realtime/kit/{app_id}/events}, rtk-sessions' extension for feeding
 * participant events (Cloudflare has no such endpoint). A batch holds 1 to 1000 events.
 */
public final class EventPostParams extends Params {
  /** The most events one batch may hold. */
  public static final int MAX_EVENTS = 1000;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final List<Event> events;

  private EventPostParams(Builder b) {
    super(b);
    if (b.events.isEmpty() || b.events.size() > MAX_EVENTS) {
      throw new IllegalStateException("a batch holds 1 to " + MAX_EVENTS + " events, got " + b.events.size());
    }
    this.events = List.copyOf(b.events);
  }

  /** @return a builder with nothing set */
  public static Builder builder() {
    return new Builder();
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

  /** The kinds of event; {@link #of(String)} sends any other value. */
  public static final class Type extends WireEnum {
    /** {@code participant.joined}: a peer joins (starting a session when none is live) */
    public static final Type PARTICIPANT_JOINED = of("participant.joined");
    /** {@code participant.left}: a peer leaves */
    public static final Type PARTICIPANT_LEFT = of("participant.left");
    /** {@code session.ended}: the meeting's live session ends at once */
    public static final Type SESSION_ENDED = of("session.ended");

    private Type(String wireValue) {
      super(wireValue);
    }

    /**
     * @param wireValue the value as the API spells it, known to this SDK or not
     * @return it as an event type
     */
    public static Type of(String wireValue) {
      return new Type(wireValue);
    }
  }

  /** The kind of session a starting join opens; {@link #of(String)} sends any other value. */
  public static final class SessionType extends WireEnum {
    /** {@code meeting} (the server's default) */
    public static final SessionType MEETING = of("meeting");
    /** {@code livestream} */
    public static final SessionType LIVESTREAM = of("livestream");
    /** {@code participant} */
    public static final SessionType PARTICIPANT = of("participant");

    private SessionType(String wireValue) {
      super(wireValue);
    }

    /**
     * @param wireValue the value as the API spells it, known to this SDK or not
     * @return it as a session type
     */
    public static SessionType of(String wireValue) {
      return new SessionType(wireValue);
    }
  }

  /**
   * One participant event, with every field the events API takes; optional fields left null are
   * not sent. Build one with {@link #builder()}, or start from {@link #joined}, {@link #left} or
   * {@link #sessionEnded} and adjust it with {@link #toBuilder()}.
   *
   * @param id the idempotency key, unique within the app (required)
   * @param type what happened (required)
   * @param meetingId the meeting (required; created on the fly when unknown)
   * @param at when it happened (required)
   * @param peerId the peer (required for joins and leaves)
   * @param sessionId the id of the session a join starts
   * @param userId the participant's user id
   * @param customParticipantId the participant's id in the caller's system
   * @param displayName the participant's name
   * @param presetName the participant's preset (role)
   * @param sessionType the kind of session a starting join opens
   * @param meta free-form metadata (a JSON object) of the session a join starts
   * @param meetingTitle the title of a meeting the event creates or that has none
   * @param parentMeetingId makes a meeting the event creates a breakout room of that meeting
   */
  public record Event(
      String id, Type type, String meetingId, Instant at, String peerId, String sessionId, String userId,
      String customParticipantId, String displayName, String presetName, SessionType sessionType, JsonNode meta,
      String meetingTitle, String parentMeetingId) {

    /** Checks the required fields; keeps its own copy of {@code meta}. */
    public Event {
      Require.present(id, "id");
      Require.present(type, "type");
      Require.present(meetingId, "meetingId");
      Require.present(at, "at");
      if (meta != null && !meta.isObject()) {
        throw new IllegalArgumentException("meta must be a JSON object, got "
            + meta.getNodeType().toString().toLowerCase(Locale.ROOT));
      }
      meta = meta == null ? null : meta.deepCopy();
    }

    /** @return a builder with nothing set */
    public static Builder builder() {
      return new Builder();
    }

    /** A peer joining a meeting (starting a session when none is live). */
    public static Event joined(String id, String meetingId, String peerId, Instant at) {
      return builder().id(id).type(Type.PARTICIPANT_JOINED).meetingId(meetingId).peerId(peerId).at(at).build();
    }

    /** A peer leaving a meeting. */
    public static Event left(String id, String meetingId, String peerId, Instant at) {
      return builder().id(id).type(Type.PARTICIPANT_LEFT).meetingId(meetingId).peerId(peerId).at(at).build();
    }

    /** The meeting's live session ending at once. */
    public static Event sessionEnded(String id, String meetingId, Instant at) {
      return builder().id(id).type(Type.SESSION_ENDED).meetingId(meetingId).at(at).build();
    }

    /** @return a builder holding this event's fields */
    public Builder toBuilder() {
      return builder().id(id).type(type).meetingId(meetingId).at(at).peerId(peerId).sessionId(sessionId)
          .userId(userId).customParticipantId(customParticipantId).displayName(displayName).presetName(presetName)
          .sessionType(sessionType).meta(meta).meetingTitle(meetingTitle).parentMeetingId(parentMeetingId);
    }

    /** @return this event with the participant's display name and custom participant id */
    public Event withParticipant(String displayName, String customParticipantId) {
      return toBuilder().displayName(displayName).customParticipantId(customParticipantId).build();
    }

    /** @return this event naming the meeting's title and parent, used when it creates the meeting */
    public Event withMeeting(String title, String parentMeetingId) {
      return toBuilder().meetingTitle(title).parentMeetingId(parentMeetingId).build();
    }

    /** @return {@code meta}, a copy: changing it changes nothing here */
    @Override
    public JsonNode meta() {
      return meta == null ? null : meta.deepCopy();
    }

    ObjectNode json() {
      return new Body()
          .put("id", id)
          .put("type", type)
          .put("meeting_id", meetingId)
          .put("at", at)
          .put("peer_id", peerId)
          .put("session_id", sessionId)
          .put("user_id", userId)
          .put("custom_participant_id", customParticipantId)
          .put("display_name", displayName)
          .put("preset_name", presetName)
          .put("session_type", sessionType)
          .put("meta", meta)
          .put("meeting_title", meetingTitle)
          .put("parent_meeting_id", parentMeetingId)
          .build();
    }

    /** Collects an event's fields; {@link #build()} checks the required ones. */
    public static final class Builder {
      private String id;
      private Type type;
      private String meetingId;
      private Instant at;
      private String peerId;
      private String sessionId;
      private String userId;
      private String customParticipantId;
      private String displayName;
      private String presetName;
      private SessionType sessionType;
      private JsonNode meta;
      private String meetingTitle;
      private String parentMeetingId;

      private Builder() {}

      /**
       * @param id the idempotency key, unique within the app (required)
       * @return this builder
       */
      public Builder id(String id) {
        this.id = id;
        return this;
      }

      /**
       * @param type what happened (required), or {@link Type#of(String)} for another value
       * @return this builder
       */
      public Builder type(Type type) {
        this.type = type;
        return this;
      }

      /**
       * @param meetingId the meeting (required; created on the fly when unknown)
       * @return this builder
       */
      public Builder meetingId(String meetingId) {
        this.meetingId = meetingId;
        return this;
      }

      /**
       * @param at when it happened (required)
       * @return this builder
       */
      public Builder at(Instant at) {
        this.at = at;
        return this;
      }

      /**
       * @param peerId the peer (required for joins and leaves)
       * @return this builder
       */
      public Builder peerId(String peerId) {
        this.peerId = peerId;
        return this;
      }

      /**
       * @param sessionId the id of the session a join starts
       * @return this builder
       */
      public Builder sessionId(String sessionId) {
        this.sessionId = sessionId;
        return this;
      }

      /**
       * @param userId the participant's user id
       * @return this builder
       */
      public Builder userId(String userId) {
        this.userId = userId;
        return this;
      }

      /**
       * @param customParticipantId the participant's id in the caller's system
       * @return this builder
       */
      public Builder customParticipantId(String customParticipantId) {
        this.customParticipantId = customParticipantId;
        return this;
      }

      /**
       * @param displayName the participant's name
       * @return this builder
       */
      public Builder displayName(String displayName) {
        this.displayName = displayName;
        return this;
      }

      /**
       * @param presetName the participant's preset (role)
       * @return this builder
       */
      public Builder presetName(String presetName) {
        this.presetName = presetName;
        return this;
      }

      /**
       * @param sessionType the kind of session a starting join opens (default meeting), or
       *     {@link SessionType#of(String)} for another value
       * @return this builder
       */
      public Builder sessionType(SessionType sessionType) {
        this.sessionType = sessionType;
        return this;
      }

      /**
       * @param meta free-form metadata of the session a join starts: a JSON object (copied)
       * @return this builder
       */
      public Builder meta(JsonNode meta) {
        this.meta = meta;
        return this;
      }

      /**
       * @param meta free-form metadata of the session a join starts, as Jackson writes the map
       * @return this builder
       */
      public Builder meta(Map<String, ?> meta) {
        return meta(meta == null ? null : JSON.<JsonNode>valueToTree(meta));
      }

      /**
       * @param meetingTitle the title of a meeting the event creates, or of one that has none yet
       * @return this builder
       */
      public Builder meetingTitle(String meetingTitle) {
        this.meetingTitle = meetingTitle;
        return this;
      }

      /**
       * @param parentMeetingId makes a meeting the event creates a breakout room of that meeting
       * @return this builder
       */
      public Builder parentMeetingId(String parentMeetingId) {
        this.parentMeetingId = parentMeetingId;
        return this;
      }

      /**
       * @return the event
       * @throws IllegalStateException if {@code id}, {@code type}, {@code meetingId} or {@code at}
       *     is unset (or an id blank)
       */
      public Event build() {
        return new Event(id, type, meetingId, at, peerId, sessionId, userId, customParticipantId, displayName,
            presetName, sessionType, meta, meetingTitle, parentMeetingId);
      }
    }
  }

  /** Collects the account and the events; {@link #build()} checks them. */
  public static final class Builder extends Params.Builder<EventPostParams, Builder> {
    private final List<Event> events = new ArrayList<>();

    private Builder() {
      super(EventPostParams::new);
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
  }
}
