package dev.rtksessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rtksessions.engine.WebhookSender;
import dev.rtksessions.model.LiveKitKey;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import dev.rtksessions.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code livekit-key set|show|clear}, {@code webhook-signing-key show}, {@code webhooks deliveries}
 * and {@code simulate --livekit}, against a running service and its SQLite store.
 */
class WebhookCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path files;

  private static CliRun run(String url, String... args) {
    return CliRun.of(List.of("--database-url", url), args);
  }

  private static TestService start(String url) {
    return TestService.start(url, new MutableClock(Instant.parse("2025-03-05T10:00:00Z")), c -> c
        .withLiveKitKeys(Map.of("APIsim", "sim-secret-0123456789abcdef0123456789"))
        .withWebhooksOut(new WebhookSender.Policy(Duration.ofSeconds(1), List.of(Duration.ofMillis(200)), List.of())));
  }

  @Test
  void liveKitKeySetShowClearNeverShowsTheSecret() throws Exception {
    String url = TestDatabases.freshSqlite();
    try (TestService t = start(url)) {
      Path secret = Files.writeString(files.resolve("secret"), "s3cret-value-0123456789\n");
      CliRun set = run(url, "livekit-key", "set", "--account", t.accountId, "--app", t.appId, "--api-key", "APIk1",
          "--api-secret-file", secret.toString());
      assertThat(set.exit()).as(set.err()).isZero();
      assertThat(t.service.stores().webhooks().liveKitKey(t.appId))
          .contains(new LiveKitKey("APIk1", "s3cret-value-0123456789"));
      CliRun show = run(url, "livekit-key", "show", "--account", t.accountId, "--app", t.appId);
      assertThat(show.out()).contains("api key: APIk1").contains("never shown").doesNotContain("s3cret");
      assertThat(run(url, "livekit-key", "clear", "--account", t.accountId, "--app", t.appId).exit()).isZero();
      assertThat(t.service.stores().webhooks().liveKitKey(t.appId)).isEqualTo(Optional.empty());
      assertThat(run(url, "livekit-key", "show", "--account", t.accountId, "--app", t.appId).out())
          .contains("RTK_LIVEKIT_KEYS");
      CliRun unknown = run(url, "livekit-key", "set", "--account", t.accountId, "--app", "nope", "--api-key", "k",
          "--api-secret-file", secret.toString());
      assertThat(unknown.exit()).isEqualTo(Main.NOT_FOUND);
      CliRun noFile = run(url, "livekit-key", "set", "--account", t.accountId, "--app", t.appId, "--api-key", "k",
          "--api-secret-file", files.resolve("missing").toString());
      assertThat(noFile.exit()).isEqualTo(2);
      assertThat(noFile.err()).contains("--api-secret-file: cannot read");
    }
  }

  @Test
  void webhookSigningKeyShowPrintsTheKeyTheServicePublishes() {
    String url = TestDatabases.freshSqlite();
    try (TestService t = start(url)) {
      CliRun show = run(url, "webhook-signing-key", "show");
      assertThat(show.exit()).as(show.err()).isZero();
      assertThat(show.out()).startsWith("-----BEGIN PUBLIC KEY-----");
      assertThat(show.out()).isEqualTo(t.client.get("/realtime/kit/webhook-signing-key", null).body()
          .at("/data/public_key").asText());
      assertThat(run(url, "webhook-signing-key", "show").out()).isEqualTo(show.out());
    }
  }

  @Test
  void webhooksDeliveriesListsWhatWasSent() throws Exception {
    String url = TestDatabases.freshSqlite();
    try (TestService t = start(url); WebhookReceiver receiver = WebhookReceiver.start()) {
      receiver.answer(r -> 502);
      ApiClient.Response created = t.client.postJson(t.appPath() + "/webhooks", t.adminToken, Map.of("name", "h",
          "url", receiver.url(), "events", List.of("meeting.participantJoined")));
      String webhookId = created.body().at("/data/id").asText();
      assertThat(t.postEvents(new Events(Instant.parse("2025-03-04T08:00:00Z")).join("m", "p", 0).json()).status())
          .isEqualTo(200);
      receiver.await(r -> r.size() == 2, Duration.ofSeconds(10)); // the attempt and its one retry
      Thread.sleep(300);
      CliRun table = run(url, "webhooks", "deliveries", "--app", t.appId);
      assertThat(table.exit()).as(table.err()).isZero();
      assertThat(table.out()).contains("meeting.participantJoined").contains("failed").contains("502");
      JsonNode json = JSON.readTree(run(url, "webhooks", "deliveries", "--app", t.appId, "--webhook", webhookId,
          "-o", "json").out());
      assertThat(json.get(0).get("status").asText()).isEqualTo("failed");
      assertThat(json.get(0).get("attempts").asInt()).isEqualTo(2);
      assertThat(json.get(0).get("last_error").asText()).contains("502");
      assertThat(run(url, "webhooks", "deliveries", "--app", "nope").exit()).isEqualTo(Main.NOT_FOUND);
    }
  }

  @Test
  void simulateLiveKitSendsLiveKitWebhooks() throws Exception {
    String url = TestDatabases.freshSqlite();
    try (TestService t = start(url)) {
      Path secret = Files.writeString(files.resolve("lk"), "sim-secret-0123456789abcdef0123456789");
      CliRun sim = CliRun.of(List.of(), "simulate", "--livekit", "--app", t.appId, "--meetings", "3", "--rate", "40",
          "--duration", "2s", "--seed", "5", "--livekit-api-key", "APIsim", "--livekit-api-secret-file",
          secret.toString(), "--base-url", t.service.baseUrl(), "--token", t.adminToken, "--account", t.accountId);
      assertThat(sim.exit()).as(sim.err()).isZero();
      assertThat(sim.out()).contains("events to 3 meetings");
      t.clock.set(Instant.now().plus(Duration.ofDays(1)));
      JsonNode sessions = t.listSessions(t.appId, "per_page=200").body().at("/data/sessions");
      assertThat(sessions).isNotEmpty();
      for (JsonNode s : sessions) {
        assertThat(s.get("associated_id").asText()).startsWith("sim-");
        assertThat(s.get("status").asText()).isEqualTo("ENDED");
      }
      // A wrong secret is refused by the service, and the command says so.
      Path wrong = Files.writeString(files.resolve("wrong"), "not-the-secret");
      CliRun refused = CliRun.of(List.of(), "simulate", "--livekit", "--app", t.appId, "--meetings", "1", "--rate",
          "20", "--duration", "1s", "--livekit-api-key", "APIsim", "--livekit-api-secret-file", wrong.toString(),
          "--base-url", t.service.baseUrl(), "--token", t.adminToken, "--account", t.accountId);
      assertThat(refused.exit()).isNotZero();
      assertThat(refused.err()).contains("answered 401");
    }
  }
}
