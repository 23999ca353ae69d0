package dev.rtksessions.sdk;

import java.net.URI;
import java.net.URISyntaxException;

/** Request paths, with every id percent-encoded as one path segment, and the base URL they hang from. */
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

  /** An absolute http(s) URL without query or fragment, without its trailing slashes. */
  static String checkedBaseUrl(String url) {
    if (url == null) {
      throw new IllegalArgumentException("the base URL must not be null");
    }
    String trimmed = url.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(trimmed);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("the base URL must be an absolute http(s) URL without query,"
            + " e.g. " + RealtimeKitClient.DEFAULT_BASE_URL + "; got " + url);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the base URL is not a URL: " + url, e);
    }
    return trimmed;
  }
}
