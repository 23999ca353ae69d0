package dev.rtksessions.engine;

import java.util.List;

/** A well-formed batch that contradicts the recorded state (HTTP 422); nothing was recorded. */
public class EventsRejectedException extends RuntimeException {
  private final List<EventOutcome> outcomes;

  EventsRejectedException(String message, List<EventOutcome> outcomes) {
    super(message);
    this.outcomes = List.copyOf(outcomes);
  }

  public List<EventOutcome> outcomes() {
    return outcomes;
  }
}
