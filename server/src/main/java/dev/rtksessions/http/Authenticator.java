package dev.rtksessions.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rtksessions.api.ApiException;
import dev.rtksessions.engine.Tokens;
import dev.rtksessions.model.ApiToken;
import java.time.Duration;
import java.util.Optional;

/**
 * Resolves {@code Authorization: Bearer} tokens. Lookups are cached briefly so a busy list
 * endpoint does not pay a query per request; a revocation takes effect within the TTL.
 */
final class Authenticator {
  private final Tokens tokens;
  private final Cache<String, Optional<ApiToken>> cache;

  Authenticator(Tokens tokens, Duration ttl) {
    this.tokens = tokens;
    this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
  }

  ApiToken authenticate(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      throw ApiException.unauthorized("missing Authorization header (expected: Bearer <token>)");
    }
    if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw ApiException.unauthorized("the Authorization header must be: Bearer <token>");
    }
    String secret = authorization.substring(7).trim();
    Optional<ApiToken> token = cache.get(secret, tokens::find);
    if (token.isEmpty()) {
      throw ApiException.unauthorized("unknown token");
    }
    if (token.get().revokedAt() != null) {
      throw ApiException.unauthorized("the token was revoked");
    }
    return token.get();
  }
}
