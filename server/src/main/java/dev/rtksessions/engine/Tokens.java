package dev.rtksessions.engine;

import dev.rtksessions.model.ApiToken;
import dev.rtksessions.model.Permission;
import dev.rtksessions.storage.TokenStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens: random secrets handed out once and stored only as SHA-256 hashes (the
 * secrets carry 256 bits of entropy, so a fast hash is enough).
 */
public final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "rtk_";

  private final TokenStore store;
  private final Clock clock;

  public Tokens(TokenStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A token and its secret, which is shown once and never stored. */
  public record Issued(ApiToken token, String secret) {}

  /** Creates a token; {@code accountId} null means every account. */
  public Issued create(String accountId, Permission permission, String description) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Issued(register(secret, accountId, permission, description), secret);
  }

  /** Stores a token whose secret the operator chose (RTK_ADMIN_TOKEN), unless it is already stored. */
  public ApiToken registerBootstrap(String secret) {
    Optional<ApiToken> existing = find(secret);
    return existing.orElseGet(() -> register(secret, null, Permission.REALTIME_ADMIN, "bootstrap (RTK_ADMIN_TOKEN)"));
  }

  public Optional<ApiToken> find(String secret) {
    return store.findByHash(hash(secret));
  }

  public List<ApiToken> list() {
    return store.list();
  }

  public boolean anyActive() {
    return store.anyActive();
  }

  public boolean revoke(String id) {
    return store.revoke(id, clock.millis());
  }

  private ApiToken register(String secret, String accountId, Permission permission, String description) {
    ApiToken token = new ApiToken(UUID.randomUUID().toString(), accountId, permission, description, clock.millis(),
        null);
    store.insert(token, hash(secret));
    return token;
  }

  static String hash(String secret) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
