package dev.rtksessions.cli;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.engine.LiveKitWebhooks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Posts participant events as a LiveKit server sends its webhooks: a {@code WebhookEvent} in
 * protobuf's JSON (camelCase, 64-bit integers as strings) with {@code Content-Type:
 * application/webhook+json}, and in {@code Authorization} a JWT (HS256 under the API secret,
 * issued by the API key, valid 5 minutes) whose {@code sha256} claim is the body's base64 SHA-256.
 */
final class LiveKitSender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI target;
  private final String apiKey;
  private final Algorithm algorithm;

  /** @param target the service's {@code .../webhooks/livekit} URL of the app */
  LiveKitSender(URI target, String apiKey, String apiSecret) {
    this.target = target;
    this.apiKey = apiKey;
    this.algorithm = Algorithm.HMAC256(apiSecret);
  }

  /** {@code participant_joined} or {@code participant_left} of {@code peer} in {@code room} at {@code at}. */
  void participant(String event, String id, String room, String peer, String identity, String name, Instant joinedAt,
      Instant at) throws IOException, InterruptedException {
    ObjectNode root = JSON.createObjectNode();
    root.put("event", event);
    root.putObject("room").put("name", room);
    ObjectNode p = root.putObject("participant").put("sid", peer).put("identity", identity);
    if (name != null) {
      p.put("name", name);
    }
    p.put("joinedAt", Long.toString(joinedAt.getEpochSecond()));
    root.put("id", id);
    root.put("createdAt", Long.toString(at.getEpochSecond()));
    send(write(root));
  }

  private void send(String body) throws IOException, InterruptedException {
    Instant now = Instant.now();
    String token = JWT.create().withIssuer(apiKey).withNotBefore(now).withExpiresAt(now.plus(Duration.ofMinutes(5)))
        .withClaim("sha256", LiveKitWebhooks.sha256(body)).sign(algorithm);
    HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/webhook+json").header("Authorization", token)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IllegalStateException("the service answered " + answer.statusCode() + " to a LiveKit webhook: "
          + answer.body());
    }
  }

  private static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
