package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code meetings().getMeetingById}: one meeting ({@code data}).
 */
public final class MeetingGetMeetingByIdResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static MeetingGetMeetingByIdResponse fromJson(JsonNode raw) {
    return new MeetingGetMeetingByIdResponse(copied(raw));
  }

  private MeetingGetMeetingByIdResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return {@code data}: the meeting */
  public Meeting meeting() {
    return fields.object("data", Meeting::new);
  }
}
