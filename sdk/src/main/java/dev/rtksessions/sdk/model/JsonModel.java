package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.sdk.exception.InvalidResponseException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed view over one JSON object of an answer. The typed accessors read the object when
 * called, so a field the SDK does not know never gets in the way, a field that is missing or
 * malformed fails only the accessor that needs it (with {@link InvalidResponseException}),
 * and {@link #raw()} always shows everything the server sent, newer fields included.
 *
 * <p>Equal when the JSON is equal; {@link #toString()} prints the JSON.
 */
public abstract class JsonModel {
  private final JsonNode raw;
  private final String kind;

  // Package-private: the SDK's types are the only subclasses.
  JsonModel(JsonNode raw, String kind) {
    if (raw == null || !raw.isObject()) {
      throw new InvalidResponseException(kind + " must be a JSON object, got "
          + (raw == null ? "nothing" : raw.getNodeType().toString().toLowerCase()), null);
    }
    this.raw = raw;
    this.kind = kind;
  }

  /**
   * The JSON object exactly as received, including fields this SDK version does not model.
   *
   * @return the object (treat it as read-only)
   */
  public JsonNode raw() {
    return raw;
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass() && ((JsonModel) o).raw.equals(raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + raw;
  }

  // ---- field readers for the subclasses ---------------------------------------------------

  /** A present, non-null field, or empty. */
  final Optional<JsonNode> field(String name) {
    JsonNode v = raw.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  final JsonNode requiredField(String name) {
    return field(name).orElseThrow(() -> invalid(name, "is missing"));
  }

  final String string(String name) {
    return asString(name, requiredField(name));
  }

  final Optional<String> optionalString(String name) {
    return field(name).map(v -> asString(name, v));
  }

  final Instant instant(String name) {
    return asInstant(name, requiredField(name));
  }

  /**
   * An optional timestamp. Cloudflare's published active-session example writes a missing
   * {@code ended_at} as the string {@code "null"}; that reads as absent too.
   */
  final Optional<Instant> optionalInstant(String name) {
    return field(name).filter(v -> !"null".equals(v.asText())).map(v -> asInstant(name, v));
  }

  final BigDecimal decimal(String name) {
    return asDecimal(name, requiredField(name));
  }

  final Optional<BigDecimal> optionalDecimal(String name) {
    return field(name).map(v -> asDecimal(name, v));
  }

  final int integer(String name) {
    JsonNode v = requiredField(name);
    // Counts are JSON numbers that Cloudflare's SDKs type as float: accept 3.0 as 3.
    if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToInt()) {
      throw invalid(name, "must be an integer, got " + v);
    }
    return v.asInt();
  }

  final long longInteger(String name) {
    JsonNode v = requiredField(name);
    if (!v.isNumber() || !v.canConvertToExactIntegral() || !v.canConvertToLong()) {
      throw invalid(name, "must be an integer, got " + v);
    }
    return v.asLong();
  }

  final boolean bool(String name) {
    JsonNode v = requiredField(name);
    if (!v.isBoolean()) {
      throw invalid(name, "must be true or false, got " + v);
    }
    return v.booleanValue();
  }

  /** A boolean that may be absent, read as {@code absent} then (the API's documented default). */
  final boolean bool(String name, boolean absent) {
    return field(name).isEmpty() ? absent : bool(name);
  }

  final <E> E enumValue(String name, Function<String, E> fromWire) {
    return fromWire.apply(string(name));
  }

  /** An array of objects; a missing or null array reads as empty. */
  final <T> List<T> list(String name, Function<JsonNode, T> element) {
    Optional<JsonNode> v = field(name);
    if (v.isEmpty()) {
      return List.of();
    }
    if (!v.get().isArray()) {
      throw invalid(name, "must be an array, got " + v.get().getNodeType().toString().toLowerCase());
    }
    List<T> out = new ArrayList<>(v.get().size());
    v.get().forEach(e -> out.add(element.apply(e)));
    return List.copyOf(out);
  }

  final InvalidResponseException invalid(String name, String problem) {
    return new InvalidResponseException(kind + "." + name + " " + problem + " in " + raw, null);
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
}
