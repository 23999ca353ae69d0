package dev.rtksessions.api;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Timestamps on the wire: RFC 3339 in (any offset, or a date alone), UTC with milliseconds out.
 * Every time read from a request lies in {@link #MIN}..{@link #MAX} (years 1970 to 9999): what
 * four-digit RFC 3339 years can say from the epoch on, and far from where sums and differences
 * of epoch milliseconds overflow.
 */
public final class Timestamps {
  /** 1970-01-01T00:00:00Z. */
  public static final long MIN = 0;
  /** 9999-12-31T23:59:59.999Z. */
  public static final long MAX = 253_402_300_799_999L;
  private static final String RANGE = "from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z";

  // Applied to a LocalDateTime in UTC: formatting an Instant through a zone built the zone's
  // rules anew for every timestamp (several per session on every page).
  private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
  private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  // A '+' that was not percent-encoded in a query string arrives as a space.
  private static final Pattern DECODED_PLUS = Pattern.compile(" (?=\\d{2}:?\\d{2}$)");
  // RealtimeKit's webhook payloads mix ISO times with ones like 2023-01-25 04:51:35.903816Z.
  private static final Pattern SPACE_SEPARATED = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:)");
  private static final Pattern HAS_OFFSET = Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2})$");

  private Timestamps() {}

  public static String format(long epochMillis) {
    return OUT.format(LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000L),
        (int) Math.floorMod(epochMillis, 1000L) * 1_000_000, ZoneOffset.UTC));
  }

  /**
   * Parses an input timestamp to epoch milliseconds (sub-millisecond digits are dropped).
   *
   * @throws IllegalArgumentException when it is not RFC 3339 or a date, or outside MIN..MAX;
   *     the message is the rule, for "FIELD must be RULE"
   */
  public static long parse(String text) {
    String t = text.trim();
    long millis;
    try {
      if (DATE_ONLY.matcher(t).matches()) {
        millis = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
      } else {
        t = DECODED_PLUS.matcher(t).replaceFirst("+");
        millis = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
      }
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("an RFC 3339 timestamp (like 2025-03-04T10:15:30Z or"
          + " 2025-03-04T10:15:30+05:30) or a date (2025-03-04)");
    }
    return inRange(millis);
  }

  /**
   * Parses a time from a RealtimeKit webhook payload, which is laxer than the API's input:
   * a space instead of the {@code T} ({@code 2023-01-25 04:51:35.903816Z}), any number of
   * fractional digits (below the millisecond they are dropped), and no offset meaning UTC.
   *
   * @throws IllegalArgumentException when it is none of these, or outside MIN..MAX
   */
  public static long parseWebhookTime(String text) {
    String t = SPACE_SEPARATED.matcher(text.trim()).replaceFirst("$1T$2");
    if (!HAS_OFFSET.matcher(t).matches()) {
      t = t + "Z";
    }
    long millis;
    try {
      millis = OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("a timestamp like 2025-03-04T10:15:30.123Z or 2025-03-04 10:15:30.123456Z");
    }
    return inRange(millis);
  }

  private static long inRange(long millis) {
    if (millis < MIN || millis > MAX) {
      throw new IllegalArgumentException("a time " + RANGE);
    }
    return millis;
  }
}
