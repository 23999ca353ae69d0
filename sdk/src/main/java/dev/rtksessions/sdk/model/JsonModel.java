package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.sdk.exception.InvalidResponseException;
import java.util.Locale;

/**
 * A typed model of one JSON object of an answer. Its accessors read each field once, on first
 * use (see {@link JsonFields}): a field the SDK does not know never gets in the way, a field that
 * is missing or malformed fails only the accessor that needs it (with
 * {@link InvalidResponseException}), and {@link #raw()} shows everything the server sent, newer
 * fields included.
 *
 * <p>Immutable: the JSON a model reads is its own, and {@link #raw()} hands out copies. Equal
 * when the JSON is equal; {@link #toString()} prints the JSON.
 */
public abstract class JsonModel {
  private final JsonNode raw;
  /** This model's fields, for the accessors of the subclasses. */
  final JsonFields fields;

  // Package-private: the SDK's types are the only subclasses.
  JsonModel(JsonNode raw, String kind) {
    if (raw == null || !raw.isObject()) {
      throw new InvalidResponseException(kind + " must be a JSON object, got "
          + (raw == null ? "nothing" : raw.getNodeType().toString().toLowerCase(Locale.ROOT)), null);
    }
    this.raw = raw;
    this.fields = new JsonFields(raw, kind);
  }

  /**
   * The JSON object as received, including fields this SDK version does not model.
   *
   * @return a copy: changing it changes nothing here
   */
  public JsonNode raw() {
    return raw.deepCopy();
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

  /**
   * A copy of a caller's JSON, for the public {@code fromJson} factories: a model must not change
   * when the tree it was built from does. Models the SDK builds share the answer's tree instead.
   */
  static JsonNode copied(JsonNode raw) {
    return raw == null ? null : raw.deepCopy();
  }
}
