package dev.rtksessions.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed access to query parameters, each failure a 400 that names the parameter and the
 * rule. An empty value ({@code per_page=}) counts as absent, as the published schema allows
 * empty values and the SDKs send one for null.
 */
public final class Params {
  /** The most parameters a query may hold (the HTTP server refuses more with the same limit). */
  public static final int MAX_PARAMETERS = 1000;
  private static final int MAX_SHOWN = 80;

  private final Map<String, List<String>> values;

  private Params(Map<String, List<String>> values) {
    this.values = values;
  }

  /**
   * Decodes a query string as it came ({@code a=1&b=x%20y}; {@code +} is a space), each name
   * and value strictly (see PercentEncoding); a 400 names what is malformed.
   */
  public static Params parse(String rawQuery) {
    Map<String, List<String>> values = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return new Params(values);
    }
    List<String> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (!pair.isEmpty()) {
        pairs.add(pair);
      }
    }
    if (pairs.size() > MAX_PARAMETERS) {
      throw ApiException.badRequest("a query may hold at most " + MAX_PARAMETERS + " parameters, got "
          + pairs.size());
    }
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name;
      try {
        name = PercentEncoding.decode(rawName, true);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("the query parameter name " + quote(rawName) + " is not valid"
            + " percent-encoding: " + e.getMessage());
      }
      String value;
      try {
        value = eq < 0 ? "" : PercentEncoding.decode(pair.substring(eq + 1), true);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("the query parameter " + name + " is not valid percent-encoding: "
            + e.getMessage());
      }
      values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return new Params(values);
  }

  /** The single value of a parameter, or null when absent or empty. */
  public String string(String name) {
    List<String> given = values.get(name);
    if (given == null) {
      return null;
    }
    if (given.size() > 1) {
      throw ApiException.badRequest(name + " must be given at most once, got " + given.size() + " values");
    }
    String v = given.get(0);
    return v.isEmpty() ? null : v;
  }

  public String string(String name, int maxLength) {
    String v = string(name);
    if (v != null && v.length() > maxLength) {
      throw ApiException.badRequest(name + " must be at most " + maxLength + " characters, got " + v.length());
    }
    return v;
  }

  public int integer(String name, int min, int max, int defaultValue) {
    String v = string(name);
    if (v == null) {
      return defaultValue;
    }
    String rule = max == Integer.MAX_VALUE
        ? name + " must be an integer >= " + min
        : name + " must be an integer between " + min + " and " + max;
    long parsed;
    try {
      parsed = Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(rule + ", got " + quote(v));
    }
    if (parsed < min || parsed > max) {
      throw ApiException.badRequest(rule + ", got " + quote(v));
    }
    return (int) parsed;
  }

  /** One of {@code allowed}, matched exactly; null when absent. */
  public String oneOf(String name, List<String> allowed) {
    String v = string(name);
    if (v != null && !allowed.contains(v)) {
      throw ApiException.badRequest(name + " must be one of " + String.join(", ", allowed) + ", got " + quote(v));
    }
    return v;
  }

  public boolean bool(String name, boolean defaultValue) {
    String v = oneOf(name, List.of("true", "false"));
    return v == null ? defaultValue : Boolean.parseBoolean(v);
  }

  /** A timestamp in epoch milliseconds; null when absent. */
  public Long timestamp(String name) {
    String v = string(name);
    if (v == null) {
      return null;
    }
    try {
      return Timestamps.parse(v);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(name + " must be " + e.getMessage() + ", got " + quote(v));
    }
  }

  /** A value for an error message: quoted, shortened, with control characters escaped. */
  public static String quote(String value) {
    if (value == null) {
      return "nothing";
    }
    String shown = value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "..." : value;
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : shown.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }
}
