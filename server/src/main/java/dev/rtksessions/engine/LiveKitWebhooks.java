package dev.rtksessions.engine;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.rtksessions.model.LiveKitKey;
import dev.rtksessions.storage.WebhookStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * LiveKit's webhook signature, as its server SDKs check it: {@code Authorization} holds a JWT
 * (HS256) issued by an API key ({@code iss}) and signed with that key's secret, with an expiry,
 * whose {@code sha256} claim is the base64 SHA-256 of the exact body. The keys are the app's own
 * ({@code livekit-key set}), else the service's ({@code RTK_LIVEKIT_KEYS}).
 */
public final class LiveKitWebhooks {
  /** Clock skew allowed on the token's times, as LiveKit's own verifier allows. */
  static final long LEEWAY_SECONDS = 10;

  private final WebhookStore store;
  private final Map<String, String> globalKeys;

  /** @param globalKeys API key to secret, for apps without their own key */
  public LiveKitWebhooks(WebhookStore store, Map<String, String> globalKeys) {
    this.store = store;
    this.globalKeys = Map.copyOf(globalKeys);
  }

  /**
   * Reads {@code key:secret,key:secret} (RTK_LIVEKIT_KEYS).
   *
   * @throws IllegalArgumentException naming what is wrong, for start-up messages
   */
  public static Map<String, String> parseKeys(String text) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return keys;
    }
    for (String pair : text.split(",")) {
      int colon = pair.indexOf(':');
      String key = colon < 0 ? "" : pair.substring(0, colon).trim();
      String secret = colon < 0 ? "" : pair.substring(colon + 1).trim();
      if (key.isEmpty() || secret.isEmpty()) {
        throw new IllegalArgumentException("LiveKit keys must be key:secret pairs separated by commas; a pair is"
            + " missing its key or secret");
      }
      keys.put(key, secret);
    }
    return keys;
  }

  /**
   * Why a delivery's {@code Authorization} does not hold, or empty when it does.
   *
   * @param appExists false for an app id that does not exist: no key verifies it, and the answer
   *     is that of an unknown key (nobody learns which app ids exist)
   */
  public Optional<String> refusal(String appId, boolean appExists, String authorization, byte[] body) {
    if (authorization == null || authorization.isBlank()) {
      return Optional.of("missing Authorization header (LiveKit's JWT, signed with the API secret)");
    }
    String token = authorization.strip();
    if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = token.substring(7).strip();
    }
    DecodedJWT decoded;
    try {
      decoded = JWT.decode(token);
    } catch (JWTDecodeException e) {
      return Optional.of("the Authorization header is not a JWT");
    }
    String apiKey = decoded.getIssuer();
    Optional<String> secret = apiKey == null || !appExists ? Optional.empty() : secretFor(appId, apiKey);
    if (secret.isEmpty()) {
      return Optional.of("the token's API key " + (apiKey == null ? "(no iss claim)" : apiKey) + " is not a LiveKit"
          + " key of app " + appId + " (the app's own key, else the service's RTK_LIVEKIT_KEYS)");
    }
    DecodedJWT verified;
    try {
      verified = JWT.require(Algorithm.HMAC256(secret.get())).withIssuer(apiKey).acceptLeeway(LEEWAY_SECONDS)
          .build().verify(decoded);
    } catch (TokenExpiredException e) {
      return Optional.of("the token expired at " + e.getExpiredOn());
    } catch (JWTVerificationException e) {
      return Optional.of("the token is not signed with the secret of API key " + apiKey + " (" + e.getMessage() + ")");
    }
    if (verified.getExpiresAt() == null) {
      return Optional.of("the token has no expiry (exp)");
    }
    String sha256 = verified.getClaim("sha256").asString();
    if (sha256 == null || !sha256.equals(sha256(body))) {
      return Optional.of("the token's sha256 claim is not the SHA-256 of this body");
    }
    return Optional.empty();
  }

  /** The secret of {@code apiKey} for the app: its own key when it has one, else the service's. */
  private Optional<String> secretFor(String appId, String apiKey) {
    Optional<LiveKitKey> own = store.liveKitKey(appId);
    if (own.isPresent()) {
      return own.filter(k -> k.apiKey().equals(apiKey)).map(LiveKitKey::apiSecret);
    }
    return Optional.ofNullable(globalKeys.get(apiKey));
  }

  /** The base64 SHA-256 of the bytes, as LiveKit puts it in the token. */
  public static String sha256(byte[] body) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The same, of text in UTF-8. */
  public static String sha256(String body) {
    return sha256(body.getBytes(StandardCharsets.UTF_8));
  }
}
