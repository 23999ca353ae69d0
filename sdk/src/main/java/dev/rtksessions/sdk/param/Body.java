package dev.rtksessions.sdk.param;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds a JSON request body, leaving unset (null) fields out so the server's defaults apply. */
final class Body {
  private final ObjectNode body = JsonNodeFactory.instance.objectNode();

  Body put(String field, String value) {
    if (value != null) {
      body.put(field, value);
    }
    return this;
  }

  Body put(String field, WireEnum value) {
    return put(field, value == null ? null : value.wireValue());
  }

  Body put(String field, Integer value) {
    if (value != null) {
      body.put(field, value);
    }
    return this;
  }

  Body put(String field, Boolean value) {
    if (value != null) {
      body.put(field, value);
    }
    return this;
  }

  ObjectNode build() {
    return body;
  }
}
