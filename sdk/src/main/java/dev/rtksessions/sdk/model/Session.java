package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One session: a live occupancy of a meeting, from the first peer joining until the last one
 * leaves (RealtimeKit's {@code ActiveSession} object).
 */
public final class Session extends JsonModel {
  /**
   * @param raw a Session JSON object (copied)
   * @return its typed model
   */
  public static Session fromJson(JsonNode raw) {
    return new Session(copied(raw));
  }

  Session(JsonNode raw) {
    super(raw, "session");
  }

  /** @return {@code id}: the session id */
  public String id() {
    return fields.string("id");
  }

  /** @return {@code associated_id}: the id of the meeting the session belongs to */
  public String associatedId() {
    return fields.string("associated_id");
  }

  /** @return {@code meeting_display_name}: the meeting's title ("" when it has none) */
  public String meetingDisplayName() {
    return fields.string("meeting_display_name");
  }

  /** @return {@code organization_id}: the app that hosted the session */
  public String organizationId() {
    return fields.string("organization_id");
  }

  /** @return {@code type}: meeting, livestream or participant */
  public SessionType type() {
    return fields.enumValue("type", SessionType::fromWireValue);
  }

  /** @return {@code status}: LIVE or ENDED */
  public SessionStatus status() {
    return fields.enumValue("status", SessionStatus::fromWireValue);
  }

  /** @return {@code live_participants}: peers in the session now (0 once ended) */
  public int liveParticipants() {
    return fields.integer("live_participants");
  }

  /** @return {@code max_concurrent_participants}: the peak number of peers present at once */
  public int maxConcurrentParticipants() {
    return fields.integer("max_concurrent_participants");
  }

  /**
   * @return {@code minutes_consumed}: participant-minutes so far, exactly as sent (a live
   *     session's figure grows between reads)
   */
  public BigDecimal minutesConsumed() {
    return fields.decimal("minutes_consumed");
  }

  /** @return {@code created_at}: when the session record was created */
  public Instant createdAt() {
    return fields.instant("created_at");
  }

  /** @return {@code started_at}: when the first peer joined */
  public Instant startedAt() {
    return fields.instant("started_at");
  }

  /** @return {@code updated_at}: the last change to the record */
  public Instant updatedAt() {
    return fields.instant("updated_at");
  }

  /** @return {@code ended_at}: when the session ended; empty while it is live */
  public Optional<Instant> endedAt() {
    return fields.optionalInstant("ended_at");
  }

  /**
   * @return {@code breakout_rooms}: the child sessions of breakout rooms, each itself a
   *     Session; empty when there are none or the answer did not include them
   */
  public List<Session> breakoutRooms() {
    return fields.list("breakout_rooms", Session::new);
  }

  /** @return {@code meta}: free-form metadata given when the session started, if any (a copy) */
  public Optional<JsonNode> meta() {
    return fields.node("meta");
  }
}
