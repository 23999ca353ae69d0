package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.EventBatchParser;
import dev.rtksessions.engine.ConflictException;
import dev.rtksessions.engine.EventOutcome;
import dev.rtksessions.engine.EventsRejectedException;
import dev.rtksessions.engine.SessionEngine;
import dev.rtksessions.model.ParticipantEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code POST .../events}: participant events in, per-event outcomes out. */
final class EventRoutes {
  static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private final SessionEngine engine;

  EventRoutes(SessionEngine engine) {
    this.engine = engine;
  }

  /** Whether the body is NDJSON rather than a JSON array; a 415 for any other media type. */
  static boolean ndjson(Request request) {
    String type = request.contentType();
    if (type == null || type.equals("application/json")) {
      return false;
    }
    if (type.equals("application/x-ndjson") || type.equals("application/ndjson")) {
      return true;
    }
    throw ApiException.unsupportedMediaType("Content-Type must be application/json (a JSON array of events)"
        + " or application/x-ndjson (one event per line), got " + type);
  }

  Reply ingest(Request request) {
    List<ParticipantEvent> events = EventBatchParser.parse(request.body(), ndjson(request));
    try {
      List<EventOutcome> outcomes = engine.ingest(request.app().id(), events);
      long applied = outcomes.stream().filter(o -> o.status() == EventOutcome.Status.APPLIED).count();
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("applied", applied);
      data.put("duplicates", outcomes.size() - applied);
      data.put("results", outcomes.stream().map(EventRoutes::json).toList());
      return Reply.ok(Envelope.of(data));
    } catch (ConflictException e) {
      throw ApiException.conflict(e.getMessage());
    } catch (EventsRejectedException e) {
      throw ApiException.unprocessable(e.getMessage())
          .withResults(e.outcomes().stream().map(EventRoutes::json).toList());
    }
  }

  private static Map<String, Object> json(EventOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id());
    m.put("status", o.status().name().toLowerCase(Locale.ROOT));
    if (o.message() != null) {
      m.put("message", o.message());
    }
    return m;
  }
}
