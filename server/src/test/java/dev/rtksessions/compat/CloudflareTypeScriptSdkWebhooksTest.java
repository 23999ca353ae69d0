package dev.rtksessions.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rtksessions.testing.NpmProject;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cloudflare's official TypeScript SDK (compat/typescript) manages an app's webhooks on the real
 * service over a real socket, both stores: {@code client.realtimeKit.webhooks.createWebhook,
 * getWebhooks, getWebhookByID, editWebhook, replaceWebhook, deleteWebhook} return exactly what was
 * asked, and the SDK's {@code NotFoundError} comes for a webhook that is gone.
 */
class CloudflareTypeScriptSdkWebhooksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static NpmProject sdk;

  @BeforeAll
  static void installSdk() {
    sdk = NpmProject.installed("typescript", "cloudflare");
  }

  private static JsonNode calls(TestService t, List<Map<String, Object>> calls) throws Exception {
    JsonNode report = JSON.readTree(sdk.node("sessions-compat.mjs", Map.of("BASE_URL", t.service.baseUrl(),
        "API_TOKEN", t.adminToken, "ACCOUNT_ID", t.accountId, "APP_ID", t.appId,
        "SDK_CALLS", JSON.writeValueAsString(calls)), Duration.ofSeconds(90)));
    return report.get("calls");
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void theOfficialSdkManagesWebhooks(TestDatabases.Kind kind) throws Exception {
    try (TestService t = TestService.start(kind)) {
      List<String> events = List.of("meeting.started", "meeting.ended", "meeting.participantJoined");
      JsonNode first = calls(t, List.of(
          Map.of("name", "create", "method", "webhooks.createWebhook",
              "params", Map.of("name", "All events webhook", "url", "https://example.com/hook", "events", events)),
          Map.of("name", "list", "method", "webhooks.getWebhooks", "params", Map.of())));
      assertThat(first.at("/create/ok").asBoolean()).as("%s", first.get("create")).isTrue();
      JsonNode created = first.at("/create/body/data");
      String id = created.get("id").asText();
      assertThat(created.get("name").asText()).isEqualTo("All events webhook");
      assertThat(created.get("url").asText()).isEqualTo("https://example.com/hook");
      assertThat(JSON.convertValue(created.get("events"), List.class)).isEqualTo(events);
      assertThat(created.get("enabled").asBoolean()).isTrue();
      assertThat(first.at("/list/body/data/0/id").asText()).isEqualTo(id);

      JsonNode second = calls(t, List.of(
          Map.of("name", "get", "method", "webhooks.getWebhookByID", "id", id, "params", Map.of()),
          Map.of("name", "edit", "method", "webhooks.editWebhook", "id", id, "params", Map.of("enabled", false)),
          Map.of("name", "replace", "method", "webhooks.replaceWebhook", "id", id, "params",
              Map.of("name", "joins", "url", "http://127.0.0.1:9/in", "events", List.of("meeting.participantJoined"))),
          Map.of("name", "delete", "method", "webhooks.deleteWebhook", "id", id, "params", Map.of()),
          Map.of("name", "gone", "method", "webhooks.getWebhookByID", "id", id, "params", Map.of())));
      assertThat(second.at("/get/body/data")).isEqualTo(created);
      assertThat(second.at("/edit/body/data/enabled").asBoolean()).isFalse();
      assertThat(second.at("/edit/body/data/name").asText()).isEqualTo("All events webhook");
      assertThat(second.at("/edit/requests/0/method").asText()).isEqualTo("PATCH");
      JsonNode replaced = second.at("/replace/body/data");
      assertThat(replaced.get("name").asText()).isEqualTo("joins");
      assertThat(replaced.get("enabled").asBoolean()).isTrue();
      assertThat(replaced.get("events").get(0).asText()).isEqualTo("meeting.participantJoined");
      assertThat(second.at("/delete/body/data/id").asText()).isEqualTo(id);
      assertThat(second.at("/gone/ok").asBoolean()).isFalse();
      assertThat(second.at("/gone/error/is_not_found_error").asBoolean()).isTrue();
    }
  }
}
