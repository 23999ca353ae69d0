package dev.rtksessions.sdk.param;

/** A parameter enum, sent as a fixed string ({@code createdAt}, {@code ASC}, {@code LIVE}, ...). */
public interface WireEnum {
  /** @return the value exactly as the API expects it */
  String wireValue();
}
