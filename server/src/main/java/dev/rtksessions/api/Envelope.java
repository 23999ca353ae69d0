package dev.rtksessions.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The RealtimeKit success envelope: {@code {success, data[, paging]}}. */
public record Envelope(boolean success, @JsonInclude(JsonInclude.Include.ALWAYS) Object data, Paging paging) {
  public static Envelope of(Object data) {
    return new Envelope(true, data, null);
  }

  public static Envelope page(Object data, Paging paging) {
    return new Envelope(true, data, paging);
  }

  /** The error envelope: RealtimeKit's {@code error} and Cloudflare's {@code errors[]} together. */
  public record Error(boolean success, Detail error, List<Detail> errors, List<String> messages, Object results) {
    public record Detail(int code, String message) {}

    public static Error of(ApiException e) {
      return of(e.status(), e.errorCode(), e.getMessage(), e.results());
    }

    public static Error of(int status, int code, String message, Object results) {
      return new Error(false, new Detail(status, message), List.of(new Detail(code, message)), List.of(), results);
    }
  }
}
