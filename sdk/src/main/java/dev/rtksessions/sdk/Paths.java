package dev.rtksessions.sdk;

/** Request paths, with every id percent-encoded as one path segment. */
final class Paths {
  private Paths() {}

  /** {@code /accounts/{account_id}/realtime/kit}: where apps live. */
  static String account(String accountId) {
    return "/accounts/" + HttpTransport.encode(accountId) + "/realtime/kit";
  }

  /** {@code /accounts/{account_id}/realtime/kit/{app_id}}: where everything else lives. */
  static String app(String accountId, String appId) {
    return account(accountId) + "/" + segment(appId, "appId");
  }

  /** An id from a method argument as a path segment; a blank id would silently name another path. */
  static String segment(String id, String name) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(name + " must not be null or blank");
    }
    return HttpTransport.encode(id);
  }
}
