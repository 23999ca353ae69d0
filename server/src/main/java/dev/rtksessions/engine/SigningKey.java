package dev.rtksessions.engine;

import dev.rtksessions.storage.SecretStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;

/**
 * The RSA key that signs the webhooks this service sends, as RealtimeKit signs its own:
 * {@code rtk-signature} is the base64 RSASSA-PKCS1-v1_5 SHA-256 signature of the body. Made
 * once (2048 bits) and kept in the store, so every process sharing it signs with the same key
 * and receivers configure its public key once.
 */
public final class SigningKey {
  private static final String NAME = "webhook_signing_key";
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private final PrivateKey privateKey;
  private final String publicPem;

  private SigningKey(PrivateKey privateKey, String publicPem) {
    this.privateKey = privateKey;
    this.publicPem = publicPem;
  }

  /** The store's key, made and stored first if it has none. */
  public static SigningKey loadOrCreate(SecretStore secrets, Clock clock) {
    SecretStore.KeyPairPem stored = secrets.getOrCreateKeyPair(NAME, () -> {
      KeyPair fresh = generate();
      return new SecretStore.KeyPairPem(privatePem(fresh.getPrivate()), WebhookSignature.toPem(fresh.getPublic()));
    }, clock.millis());
    return new SigningKey(parsePrivate(stored.privateKey()), stored.publicKey());
  }

  /** The public key as PEM (SPKI "PUBLIC KEY"), for receivers to verify with. */
  public String publicKeyPem() {
    return publicPem;
  }

  /** The base64 RSA-SHA256 signature of exactly these bytes. */
  public String sign(byte[] body) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(privateKey);
      signer.update(body);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  private static String privatePem(PrivateKey key) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  private static PrivateKey parsePrivate(String pem) {
    String body = pem.substring(pem.indexOf(BEGIN) + BEGIN.length(), pem.indexOf(END));
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored webhook signing key cannot be read: " + e.getMessage(), e);
    }
  }
}
