package dev.rtksessions.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RealtimeKit webhooks as RealtimeKit sends them: payloads in its camelCase shapes, signed
 * with RSA-SHA256 by a key pair made for the test, posted with {@code rtk-signature} and
 * {@code rtk-uuid}.
 */
public final class RtkWebhooks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ApiClient client;
  private final PrivateKey signingKey;

  public RtkWebhooks(ApiClient client, PrivateKey signingKey) {
    this.client = client;
    this.signingKey = signingKey;
  }

  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base64 RSA-SHA256 (PKCS#1 v1.5) signature of exactly these bytes. */
  public static String sign(PrivateKey key, byte[] body) {
    try {
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(key);
      signer.update(body);
      return Base64.getEncoder().encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts a payload signed with this sender's key. */
  public ApiClient.Response deliver(String appPath, String deliveryId, String payload) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    return post(appPath, body, sign(signingKey, body), deliveryId);
  }

  /** Posts bytes with the given signature and delivery id (either may be null: the header is then left out). */
  public ApiClient.Response post(String appPath, byte[] body, String signature, String deliveryId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (signature != null) {
      headers.put("rtk-signature", signature);
    }
    if (deliveryId != null) {
      headers.put("rtk-uuid", deliveryId);
    }
    return client.post(appPath + "/webhooks/realtimekit", headers, body);
  }

  // ---- payloads (reference §7.3-7.4) --------------------------------------------------------

  public static ObjectNode meeting(String meetingId, String sessionId, String title) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", meetingId);
    m.put("sessionId", sessionId);
    m.put("title", title);
    m.put("roomName", meetingId);
    m.put("status", "LIVE");
    m.put("createdAt", "2025-03-01T09:00:00.000Z");
    m.putObject("organizedBy").put("id", "org-1").put("name", "Example Org");
    return m;
  }

  public static String started(ObjectNode meeting) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", "meeting.started");
    root.set("meeting", meeting);
    return json(root);
  }

  public static String joined(ObjectNode meeting, String peerId, String name, String customParticipantId,
      String joinedAt) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", "meeting.participantJoined");
    root.set("meeting", meeting);
    ObjectNode p = root.putObject("participant");
    p.put("peerId", peerId);
    p.put("userDisplayName", name);
    if (customParticipantId != null) {
      p.put("customParticipantId", customParticipantId);
    }
    p.put("joinedAt", joinedAt);
    return json(root);
  }

  /** {@code leftAt} null: the participant carries no leave time (the meeting's endedAt applies). */
  public static String left(ObjectNode meeting, String peerId, String name, String joinedAt, String leftAt) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", "meeting.participantLeft");
    root.set("meeting", meeting);
    ObjectNode p = root.putObject("participant");
    p.put("peerId", peerId);
    p.put("userDisplayName", name);
    p.put("joinedAt", joinedAt);
    if (leftAt != null) {
      p.put("leftAt", leftAt);
    }
    return json(root);
  }

  public static String ended(ObjectNode meeting, String endedAt, String reason) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", "meeting.ended");
    root.set("meeting", meeting.deepCopy().put("endedAt", endedAt));
    root.put("reason", reason);
    return json(root);
  }

  public static String chatSynced(String meetingId, String sessionId, String url, String expiry) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", "meeting.chatSynced");
    root.put("meetingId", meetingId);
    root.put("sessionId", sessionId);
    root.put("chatDownloadUrl", url);
    root.put("chatDownloadUrlExpiry", expiry);
    root.putObject("organizedBy").put("id", "org-1").put("name", "Example Org");
    return json(root);
  }

  /** {@code meeting.transcript} or {@code meeting.summary}: {@code prefix} is transcript or summary. */
  public static String artifact(String event, String prefix, ObjectNode meeting, String url, String expiry) {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", event);
    root.set("meeting", meeting);
    root.put(prefix + "DownloadUrl", url);
    root.put(prefix + "DownloadUrlExpiry", expiry);
    return json(root);
  }

  public static String json(Object node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
