package dev.rtksessions.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Locale;

/** Typed, validated access to a JSON object body; every failure a 400 naming the field. */
public final class JsonBody {
  private final JsonNode root;

  private JsonBody(JsonNode root) {
    this.root = root;
  }

  public static JsonBody parse(byte[] body) {
    JsonNode root;
    try {
      root = body.length == 0 ? null : Json.MAPPER.readTree(body);
    } catch (IOException e) {
      throw ApiException.badRequest("the body must be a JSON object: it is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw ApiException.badRequest("the body must be a JSON object");
    }
    return new JsonBody(root);
  }

  /** A field as it is (an array, say); null when absent or null. */
  public JsonNode node(String field) {
    JsonNode v = root.get(field);
    return v == null || v.isNull() ? null : v;
  }

  public boolean has(String field) {
    JsonNode v = root.get(field);
    return v != null && !v.isNull();
  }

  /** A string field; null when absent or null. */
  public String string(String field, int minLength, int maxLength) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw ApiException.badRequest(field + " must be a string, got " + type(v));
    }
    String text = Json.text(field, v);
    if (text.length() < minLength || text.length() > maxLength) {
      throw ApiException.badRequest(field + " must be " + minLength + "-" + maxLength + " characters long, got "
          + text.length());
    }
    return text;
  }

  public Boolean bool(String field) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw ApiException.badRequest(field + " must be true or false, got " + type(v));
    }
    return v.asBoolean();
  }

  /** A whole number in [min, max] (JSON numbers like 90.0 count as whole). */
  public Integer integer(String field, int min, int max) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    String rule = field + " must be an integer between " + min + " and " + max;
    if (!v.isNumber()) {
      throw ApiException.badRequest(rule + ", got " + type(v));
    }
    double d = v.asDouble();
    if (d != Math.rint(d) || d < min || d > max) {
      throw ApiException.badRequest(rule + ", got " + v.asText());
    }
    return (int) d;
  }

  private static String type(JsonNode v) {
    return v.getNodeType().name().toLowerCase(Locale.ROOT);
  }
}
