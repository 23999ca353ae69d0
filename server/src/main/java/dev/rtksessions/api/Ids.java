package dev.rtksessions.api;

import java.util.regex.Pattern;

/** The shapes of identifiers on the wire. */
public final class Ids {
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  // Cloudflare declares 32 characters but its own app ids are 36-character UUIDs.
  private static final Pattern APP_ID = Pattern.compile("[A-Za-z0-9_-]{1,36}");
  private static final Pattern ENTITY_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private Ids() {}

  public static String accountId(String value) {
    return check("account_id", value, ACCOUNT_ID, "1-32 characters of A-Z a-z 0-9 _ -");
  }

  public static String appId(String value) {
    return check("app_id", value, APP_ID, "1-36 characters of A-Z a-z 0-9 _ -");
  }

  /** Meeting, session, peer and event ids. */
  public static String entityId(String name, String value) {
    return check(name, value, ENTITY_ID, "1-64 characters of A-Z a-z 0-9 . _ : -");
  }

  public static boolean isEntityId(String value) {
    return value != null && ENTITY_ID.matcher(value).matches();
  }

  private static String check(String name, String value, Pattern pattern, String rule) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw ApiException.badRequest(name + " must be " + rule + ", got " + Params.quote(value));
    }
    return value;
  }
}
