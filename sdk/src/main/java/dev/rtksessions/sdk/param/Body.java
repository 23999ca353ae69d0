package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Builds a JSON request body, leaving unset (null) fields out so the server's defaults apply. */
final class Body {
  private final ObjectNode body = JsonNodeFactory.instance.objectNode();

  /** Adds a value unless it is null: enums as wire values, times as ISO-8601, JSON as it is. */
  Body put(String field, Object value) {
    if (value instanceof String s) {
      body.put(field, s);
    } else if (value instanceof WireEnum e) {
      body.put(field, e.wireValue());
    } else if (value instanceof Instant t) {
      body.put(field, t.toString());
    } else if (value instanceof Integer i) {
      body.put(field, i);
    } else if (value instanceof Boolean b) {
      body.put(field, b);
    } else if (value instanceof JsonNode json) {
      body.set(field, json.deepCopy());
    } else if (value != null) {
      throw new IllegalArgumentException("no JSON form for " + value.getClass().getName() + " (" + field + ")");
    }
    return this;
  }

  ObjectNode build() {
    return body;
  }
}
