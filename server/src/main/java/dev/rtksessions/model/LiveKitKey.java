package dev.rtksessions.model;

/**
 * A LiveKit API key and its secret: LiveKit signs its webhooks with an HS256 JWT under the
 * secret, issued by the key.
 */
public record LiveKitKey(String apiKey, String apiSecret) {
  @Override
  public String toString() {
    return "LiveKitKey[" + apiKey + "]"; // never the secret, not even in a log line
  }
}
