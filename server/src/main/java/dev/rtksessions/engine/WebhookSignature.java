package dev.rtksessions.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * RealtimeKit's webhook signature: {@code rtk-signature} is the base64 RSASSA-PKCS1-v1_5
 * SHA-256 signature of the exact request body, verified with the RSA public key RealtimeKit
 * publishes (PEM, SPKI "PUBLIC KEY").
 */
public final class WebhookSignature {
  private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
  private static final String END = "-----END PUBLIC KEY-----";

  private WebhookSignature() {}

  /**
   * Reads a public key given as PEM text or as the path of a file that holds it.
   *
   * @param source the configured value (RTK_WEBHOOK_PUBLIC_KEY, --webhook-public-key)
   * @throws IllegalArgumentException naming what is wrong, for start-up and CLI messages
   */
  public static PublicKey readPublicKey(String source) {
    String text = source.trim();
    if (text.startsWith("-----BEGIN")) {
      return parsePem(text);
    }
    Path path;
    try {
      path = Path.of(text);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("the webhook public key must be PEM text (" + BEGIN + " ...) or the path"
          + " of a file holding it; got neither");
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("the webhook public key must be PEM text (" + BEGIN + " ...) or the path"
          + " of a file holding it; " + path + " is not a readable file");
    }
    try {
      return parsePem(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the webhook public key from " + path + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage());
    }
  }

  /** Parses PEM text holding one SPKI RSA public key. */
  public static PublicKey parsePem(String pem) {
    String text = pem.trim();
    if (text.startsWith("-----BEGIN RSA PUBLIC KEY-----")) {
      throw new IllegalArgumentException("the webhook public key is a PKCS#1 \"RSA PUBLIC KEY\"; give it as an SPKI"
          + " \"PUBLIC KEY\" (convert with: openssl rsa -RSAPublicKey_in -in key.pem -pubout)");
    }
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException("the webhook public key must be PEM text between " + BEGIN + " and " + END);
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the webhook public key's PEM body is not base64: " + e.getMessage());
    }
    try {
      return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("the webhook public key is not an RSA public key: " + e.getMessage());
    }
  }

  /** The key as PEM text, 64 characters a line: how per-app keys are stored. */
  public static String toPem(PublicKey key) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(key.getEncoded());
    return BEGIN + "\n" + body + "\n" + END + "\n";
  }

  /** True when {@code base64Signature} is the key's signature of exactly {@code body}. */
  public static boolean verify(PublicKey key, byte[] body, String base64Signature) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(base64Signature.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(key);
      verifier.update(body);
      return verifier.verify(signature);
    } catch (SignatureException | InvalidKeyException e) {
      return false; // a signature of the wrong length or shape is simply not a valid one
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA is part of every JDK", e);
    }
  }
}
