package dev.rtksessions.http;

/** A status code and the object to write as the JSON body (or, for a {@link File}, the bytes as they are). */
public record Reply(int status, Object body) {
  /**
   * A body sent as it is, not as JSON: a downloaded file.
   *
   * @param attachmentName when not null, the file is to be saved under this name, never shown
   */
  public record File(byte[] content, String contentType, String attachmentName) {}

  public static Reply file(byte[] content, String contentType, String attachmentName) {
    return new Reply(200, new File(content, contentType, attachmentName));
  }

  public static Reply ok(Object body) {
    return new Reply(200, body);
  }

  public static Reply created(Object body) {
    return new Reply(201, body);
  }
}
