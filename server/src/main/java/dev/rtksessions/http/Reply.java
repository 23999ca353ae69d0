package dev.rtksessions.http;

/** A status code and the object to write as the JSON body. */
public record Reply(int status, Object body) {
  public static Reply ok(Object body) {
    return new Reply(200, body);
  }

  public static Reply created(Object body) {
    return new Reply(201, body);
  }
}
