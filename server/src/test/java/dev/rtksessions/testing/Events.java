package dev.rtksessions.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds events-API bodies for tests. Times are offsets in seconds from a base instant. */
public final class Events {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Map<String, Object>> events = new ArrayList<>();
  private final Instant base;
  private int counter;
  private final String idPrefix;

  public Events(Instant base) {
    this(base, "e");
  }

  public Events(Instant base, String idPrefix) {
    this.base = base;
    this.idPrefix = idPrefix;
  }

  public Events join(String meeting, String peer, double atSeconds) {
    return add("participant.joined", meeting, peer, atSeconds);
  }

  public Events leave(String meeting, String peer, double atSeconds) {
    return add("participant.left", meeting, peer, atSeconds);
  }

  public Events end(String meeting, double atSeconds) {
    return add("session.ended", meeting, null, atSeconds);
  }

  /** Adds a field to the last event. */
  public Events with(String field, Object value) {
    events.get(events.size() - 1).put(field, value);
    return this;
  }

  private Events add(String type, String meeting, String peer, double atSeconds) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", idPrefix + (counter++));
    e.put("type", type);
    e.put("meeting_id", meeting);
    if (peer != null) {
      e.put("peer_id", peer);
    }
    e.put("at", at(atSeconds).toString());
    events.add(e);
    return this;
  }

  public Instant at(double seconds) {
    return base.plusMillis(Math.round(seconds * 1000));
  }

  public List<Map<String, Object>> list() {
    return events;
  }

  public String json() {
    return json(events);
  }

  public static String json(List<Map<String, Object>> events) {
    try {
      return JSON.writeValueAsString(events);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
