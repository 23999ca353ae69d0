package dev.rtksessions.http;

/** A status code and the object to write as the JSON body (or, for a {@link File}, the bytes as they are). */
public record Reply(int status, Object body) {
  /** A body sent as it is, not as JSON: a downloaded file. */
  public record File(byte[] content, String contentType) {}

  public static Reply file(byte[] content, String contentType) {
    return new Reply(200, new File(content, contentType));
  }

  public static Reply ok(Object body) {
    return new Reply(200, body);
  }

  public static Reply created(Object body) {
    return new Reply(201, body);
  }
}
