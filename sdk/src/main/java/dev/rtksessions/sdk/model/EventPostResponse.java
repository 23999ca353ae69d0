package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** The answer to {@code events().post}: how many events were applied, and each one's outcome. */
public final class EventPostResponse extends JsonModel {
  /**
   * @param raw the answer's JSON
   * @return the typed answer
   */
  public static EventPostResponse fromJson(JsonNode raw) {
    return new EventPostResponse(raw);
  }

  private EventPostResponse(JsonNode raw) {
    super(raw, "response");
  }

  private DataObject data() {
    return new DataObject(requiredField("data"));
  }

  /** @return how many events were recorded */
  public long applied() {
    return data().longInteger("applied");
  }

  /** @return how many events repeated an id recorded before (acknowledged, ignored) */
  public long duplicates() {
    return data().longInteger("duplicates");
  }

  /** @return one outcome per event sent, in order */
  public List<Result> results() {
    return data().list("results", Result::new);
  }

  /** One event's outcome: {@code applied} or {@code duplicate}. */
  public static final class Result extends JsonModel {
    Result(JsonNode raw) {
      super(raw, "result");
    }

    /** @return the event's id */
    public String id() {
      return string("id");
    }

    /** @return {@code applied} or {@code duplicate} */
    public String status() {
      return string("status");
    }

    /** @return why the event was refused, when it was */
    public Optional<String> message() {
      return optionalString("message");
    }
  }
}
