package dev.rtksessions.model;

/**
 * A session's chat export, transcript or summary, without its bytes. Either a link recorded
 * from a RealtimeKit webhook ({@code url} and {@code urlExpiry} as given), or a file uploaded
 * to this service ({@code url} null; {@code contentType} and {@code sizeBytes} describe it).
 * Times are epoch milliseconds.
 */
public record Artifact(
    String appId,
    String sessionId,
    ArtifactKind kind,
    String url,
    String urlExpiry,
    String contentType,
    Long sizeBytes,
    long updatedAt) {

  /** True when this service holds the file itself (and serves it under signed links). */
  public boolean isUploaded() {
    return url == null;
  }
}
