package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.rtksessions.sdk.exception.InvalidResponseException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads the fields of one JSON object of an answer, each on its first use and once: the value
 * (a nested model or list of them included) is kept, and so is the problem of a field that is
 * missing or malformed, which each read of it throws as an {@link InvalidResponseException}
 * naming the object's kind, the field and the problem. So a field the SDK does not know never
 * gets in the way, a broken one fails only the accessors that need it, and no accessor parses
 * twice.
 *
 * <p>Thread-safe: models are shared freely, and two threads reading a field get the same value.
 */
final class JsonFields {
  private final JsonNode object;
  private final String kind;
  private final Map<String, Field<?>> read = new HashMap<>(); // guarded by this

  JsonFields(JsonNode object, String kind) {
    this.object = object;
    this.kind = kind;
  }

  String string(String name) {
    return once("string " + name, () -> asString(name, required(name)));
  }

  Optional<String> optionalString(String name) {
    return once("string? " + name, () -> optional(name).map(v -> asString(name, v)));
  }

  Instant instant(String name) {
    return once("instant " + name, () -> asInstant(name, required(name)));
  }

  /**
   * An optional timestamp. Cloudflare's published active-session example writes a missing
   * {@code ended_at} as the string {@code "null"}; that reads as absent too.
   */
  Optional<Instant> optionalInstant(String name) {
    return once("instant? " + name,
        () -> optional(name).filter(v -> !"null".equals(v.asText())).map(v -> asInstant(name, v)));
  }

  BigDecimal decimal(String name) {
    return once("decimal " + name, () -> asDecimal(name, required(name)));
  }

  Optional<BigDecimal> optionalDecimal(String name) {
    return once("decimal? " + name, () -> optional(name).map(v -> asDecimal(name, v)));
  }

  int integer(String name) {
    // Counts are JSON numbers that Cloudflare's SDKs type as float: accept 3.0 as 3.
    return once("int " + name, () -> (int) asIntegral(name, required(name), Integer.MIN_VALUE, Integer.MAX_VALUE));
  }

  /** An integer that may be absent, read as {@code absent} then (the API's documented default). */
  int integer(String name, int absent) {
    return has(name) ? integer(name) : absent;
  }

  long longInteger(String name) {
    return once("long " + name, () -> asIntegral(name, required(name), Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /** A boolean that may be absent, read as {@code absent} then (the API's documented default). */
  boolean bool(String name, boolean absent) {
    return once("bool " + name, () -> optional(name).map(v -> {
      if (!v.isBoolean()) {
        throw invalid(name, "must be true or false, got " + v);
      }
      return v.booleanValue();
    }).orElse(absent));
  }

  <E> E enumValue(String name, Function<String, E> fromWire) {
    return once("enum " + name, () -> fromWire.apply(asString(name, required(name))));
  }

  /** Any JSON value, as a copy (free-form fields such as {@code meta}). */
  Optional<JsonNode> node(String name) {
    return optional(name).map(JsonNode::deepCopy);
  }

  /** A nested object read by {@code read}: a model's constructor, say. */
  <T> T object(String name, Function<JsonNode, T> read) {
    return once("object " + name, () -> read.apply(required(name)));
  }

  /** A nested object whose own fields are read further, e.g. an answer's {@code data}. */
  JsonFields object(String name) {
    return once("fields " + name, () -> {
      JsonNode v = required(name);
      if (!v.isObject()) {
        throw invalid(name, "must be a JSON object, got " + v.getNodeType().toString().toLowerCase(Locale.ROOT));
      }
      return new JsonFields(v, name);
    });
  }

  /** A nested object whose fields are all optional: a missing one reads as an empty object. */
  JsonFields optionalObject(String name) {
    return has(name) ? object(name) : new JsonFields(MissingNode.getInstance(), name);
  }

  /** An array of objects; a missing or null array reads as empty. */
  <T> List<T> list(String name, Function<JsonNode, T> element) {
    return once("list " + name, () -> optional(name).map(v -> {
      if (!v.isArray()) {
        throw invalid(name, "must be an array, got " + v.getNodeType().toString().toLowerCase(Locale.ROOT));
      }
      List<T> out = new ArrayList<>(v.size());
      v.forEach(e -> out.add(element.apply(e)));
      return List.copyOf(out);
    }).orElse(List.of()));
  }

  /** @return whether the field holds a JSON object */
  boolean hasObject(String name) {
    return has(name) && object.get(name).isObject();
  }

  /** @return whether the field is present and not null */
  boolean has(String name) {
    JsonNode v = object.get(name);
    return v != null && !v.isNull();
  }

  /** What {@code reader} gives (or throws) on the first call for {@code key}, kept for every later call. */
  @SuppressWarnings("unchecked")
  synchronized <T> T once(String key, Supplier<T> reader) {
    Field<?> field = read.get(key);
    if (field == null) {
      try {
        field = Field.of(reader.get());
      } catch (InvalidResponseException e) {
        field = Field.invalid(e);
      }
      read.put(key, field);
    }
    return (T) field.get();
  }

  private JsonNode required(String name) {
    return optional(name).orElseThrow(() -> invalid(name, "is missing"));
  }

  private Optional<JsonNode> optional(String name) {
    return has(name) ? Optional.of(object.get(name)) : Optional.empty();
  }

  private InvalidResponseException invalid(String name, String problem) {
    return new InvalidResponseException(kind + "." + name + " " + problem + " in " + object, null);
  }

  private String asString(String name, JsonNode v) {
    if (!v.isTextual()) {
      throw invalid(name, "must be a string, got " + v);
    }
    return v.textValue();
  }

  private Instant asInstant(String name, JsonNode v) {
    try {
      // ISO_OFFSET_DATE_TIME takes both "...Z" and "...+05:30", with or without fractions.
      return OffsetDateTime.parse(asString(name, v), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidResponseException(kind + "." + name + " must be an ISO-8601 timestamp, got " + v, e);
    }
  }

  private BigDecimal asDecimal(String name, JsonNode v) {
    if (!v.isNumber()) {
      throw invalid(name, "must be a number, got " + v);
    }
    return v.decimalValue();
  }

  private long asIntegral(String name, JsonNode v, long min, long max) {
    if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong() || v.asLong() < min
        || v.asLong() > max) {
      throw invalid(name, "must be an integer, got " + v);
    }
    return v.asLong();
  }
}
