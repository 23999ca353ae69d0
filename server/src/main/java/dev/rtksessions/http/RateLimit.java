package dev.rtksessions.http;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of requests allowed per window, written {@code N/SECONDS}: {@code 1200/300} is
 * Cloudflare's API limit, 1,200 requests per 5 minutes.
 */
public record RateLimit(long requests, Duration window) {
  public static final long MAX_REQUESTS = 1_000_000_000L;
  public static final long MAX_WINDOW_SECONDS = 86_400;
  private static final Pattern FORM = Pattern.compile("(\\d{1,10})/(\\d{1,6})");

  public RateLimit {
    if (requests < 1 || requests > MAX_REQUESTS || window.toSeconds() < 1 || window.toSeconds() > MAX_WINDOW_SECONDS
        || window.toNanosPart() != 0) {
      throw new IllegalArgumentException(rule() + ", got " + requests + "/" + window.toSeconds());
    }
  }

  /** Parses {@code N/SECONDS}; an IllegalArgumentException says what is wrong. */
  public static RateLimit parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(rule() + ", got \"" + text + "\"");
    }
    return new RateLimit(Long.parseLong(m.group(1)), Duration.ofSeconds(Long.parseLong(m.group(2))));
  }

  private static String rule() {
    return "must be N/SECONDS: N requests (1-" + MAX_REQUESTS + ") per window of SECONDS (1-" + MAX_WINDOW_SECONDS
        + "), e.g. 1200/300";
  }

  @Override
  public String toString() {
    return requests + "/" + window.toSeconds();
  }
}
