package dev.rtksessions.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every answer of the webhooks family (create, list, get, edit, replace, delete, the event
 * names, and the 400 of a malformed request), from the real service over a real socket on both
 * stores, validated against Cloudflare's published schemas
 * ({@code contract/cloudflare-realtimekit-webhooks.openapi.yaml}).
 */
class WebhooksContractTest {
  private static final OpenApiContract CONTRACT =
      OpenApiContract.load("contract/cloudflare-realtimekit-webhooks.openapi.yaml");

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void answersConformToCloudflaresPublishedSchemas(TestDatabases.Kind kind) {
    try (TestService t = TestService.start(kind)) {
      String path = t.appPath() + "/webhooks";
      List<String> violations = new ArrayList<>();
      Map<String, Object> body = Map.of("name", "All events webhook", "url", "https://example.com/hook",
          "events", List.of("meeting.started", "meeting.ended", "meeting.participantJoined", "meeting.participantLeft",
              "meeting.chatSynced", "recording.statusUpdate", "livestreaming.statusUpdate", "meeting.transcript",
              "meeting.summary"));
      JsonNode created = check(violations, "addWebhook", 201, t.client.postJson(path, t.adminToken, body));
      String id = created.at("/data/id").asText();
      check(violations, "addWebhook", 201, t.client.postJson(path, t.adminToken,
          Map.of("name", "off", "url", "http://127.0.0.1:9/x", "events", List.of("meeting.ended"), "enabled", false)));
      check(violations, "addWebhook", 400, t.client.postJson(path, t.adminToken, Map.of("url", "https://e.example")));
      assertThat(check(violations, "getAllWebhooks", 200, t.get(path)).get("data")).hasSize(2);
      check(violations, "getWebhook", 200, t.get(path + "/" + id));
      check(violations, "editWebhook", 200, t.client.send("PATCH", path + "/" + id, t.adminToken,
          "{\"name\": \"test\", \"events\": [\"meeting.started\"], \"url\": \"https://new-test-url.com\"}",
          "application/json"));
      check(violations, "replaceWebhook", 200, t.client.send("PUT", path + "/" + id, t.adminToken,
          "{\"name\": \"test\", \"events\": [\"meeting.started\"], \"url\": \"https://new-test-url.com\"}",
          "application/json"));
      check(violations, "getAllWebhookEvents", 200, t.get(path + "/all"));
      check(violations, "deleteWebhook", 200, t.client.send("DELETE", path + "/" + id, t.adminToken, null));
      assertThat(violations).as("schema violations").isEmpty();
    }
  }

  private static JsonNode check(List<String> violations, String operationId, int status, ApiClient.Response r) {
    assertThat(r.status()).as("%s: %s", operationId, r.body()).isEqualTo(status);
    List<OpenApiContract.Violation> found = CONTRACT.validateResponse(operationId, status, r.body());
    found.forEach(v -> violations.add(operationId + " " + status + ": " + v));
    return r.body();
  }
}
