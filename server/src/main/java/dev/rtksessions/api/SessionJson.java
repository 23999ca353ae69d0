package dev.rtksessions.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.rtksessions.model.Session;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The Session object of the wire contract (§2), as seen at {@code now}. */
public record SessionJson(
    String id,
    String associatedId,
    String meetingDisplayName,
    String organizationId,
    String type,
    String status,
    int liveParticipants,
    int maxConcurrentParticipants,
    BigDecimal minutesConsumed,
    String createdAt,
    String startedAt,
    String updatedAt,
    String endedAt,
    @JsonInclude(JsonInclude.Include.ALWAYS) List<SessionJson> breakoutRooms,
    @JsonRawValue String meta) {

  public static SessionJson of(Session s, String meetingTitle, List<SessionJson> breakoutRooms, long now) {
    Long endedAt = s.endedAtOrNull(now);
    return new SessionJson(s.id(), s.meetingId(), meetingTitle == null ? "" : meetingTitle, s.appId(),
        s.type().wire(), s.statusAt(now).name(), s.liveParticipantsAt(now), s.peakCount(),
        minutes(s.participantMillisAt(now)), Timestamps.format(s.createdAt()), Timestamps.format(s.startedAt()),
        Timestamps.format(s.updatedAt()), endedAt == null ? null : Timestamps.format(endedAt), breakoutRooms,
        s.meta());
  }

  /** Milliseconds as minutes rounded to 4 decimals, without trailing zeros. */
  public static BigDecimal minutes(long millis) {
    BigDecimal m = BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 4, RoundingMode.HALF_UP);
    return m.signum() == 0 ? BigDecimal.ZERO : m.stripTrailingZeros();
  }
}
