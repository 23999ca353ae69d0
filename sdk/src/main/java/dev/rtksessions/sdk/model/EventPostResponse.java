package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The answer to {@code events().post}: how many events were applied, and each one's outcome. */
public final class EventPostResponse extends JsonModel {
  /**
   * @param raw the answer's JSON (copied)
   * @return the typed answer
   */
  public static EventPostResponse fromJson(JsonNode raw) {
    return new EventPostResponse(copied(raw));
  }

  private EventPostResponse(JsonNode raw) {
    super(raw, "response");
  }

  /** @return how many events were recorded */
  public long applied() {
    return fields.object("data").longInteger("applied");
  }

  /** @return how many events repeated an id recorded before (acknowledged, ignored) */
  public long duplicates() {
    return fields.object("data").longInteger("duplicates");
  }

  /** @return one outcome per event sent, in order */
  public List<Result> results() {
    return fields.object("data").list("results", Result::new);
  }

  /** One event's outcome: {@code applied} or {@code duplicate}. */
  public static final class Result extends JsonModel {
    Result(JsonNode raw) {
      super(raw, "result");
    }

    /** @return the event's id */
    public String id() {
      return fields.string("id");
    }

    /** @return {@code applied} or {@code duplicate} */
    public String status() {
      return fields.string("status");
    }

    /** @return why the event was refused, when it was */
    public Optional<String> message() {
      return fields.optionalString("message");
    }
  }
}
