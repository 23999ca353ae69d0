package dev.rtksessions.sdk.model;

import com.fasterxml.jackson.databind.JsonNode;

/** The {@code data} object of an answer, read with the same field readers as the models. */
final class DataObject extends JsonModel {
  DataObject(JsonNode raw) {
    super(raw, "data");
  }
}
