package dev.rtksessions.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON configuration of the wire: snake_case names, no nulls, plain decimals. */
public final class Json {
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private Json() {}

  /**
   * The text of a JSON string value (the caller checked it is one). U+0000 is refused with a 400
   * naming {@code field}: PostgreSQL's text cannot hold it, and both stores must accept the same.
   */
  public static String text(String field, JsonNode value) {
    String text = value.asText();
    int nul = text.indexOf('\u0000');
    if (nul >= 0) {
      throw ApiException.badRequest(field + " must not contain the character U+0000, found at character " + (nul + 1));
    }
    return text;
  }
}
