package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.Permission;
import dev.rtksessions.service.RtkService;
import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.RtkWebhooks;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A webhook that arrives while the database is away is answered 503 (RealtimeKit retries
 * only on 5xx), and its retry once the database is back is applied. Uses its own embedded
 * PostgreSQL, because the test stops it.
 */
class WebhookOutageTest {
  @Test
  void aWebhookIs503WhileStorageIsDownAndItsRetryIsAppliedAfter() throws Exception {
    KeyPair keys = RtkWebhooks.newKeyPair();
    Path dataDir = Files.createTempDirectory("rtk-webhook-outage-pg");
    int port;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
        .start()) {
      port = pg.getPort();
    }
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
        .setPort(port).start();
    String url = pg.getJdbcUrl("postgres", "postgres");
    try (RtkService service = RtkService.start(ServiceConfig.of("127.0.0.1", 0, url)
        .withAuthCacheTtl(Duration.ofMinutes(5)).withWebhookPublicKey(keys.getPublic()))) {
      String token = service.tokens().create(null, Permission.REALTIME_ADMIN, "outage").secret();
      String appPath = "/accounts/acc/realtime/kit/" + service.catalog().createApp("acc", "outage").id();
      ApiClient client = new ApiClient(service.baseUrl());
      RtkWebhooks rtk = new RtkWebhooks(client, keys.getPrivate());
      String join = RtkWebhooks.joined(RtkWebhooks.meeting("m-1", "s-1", "Outage"), "p-1", "Alice", null,
          "2025-03-04T10:00:00Z");
      // The app is looked up (and remembered) while the database is up.
      assertThat(client.get(appPath + "/sessions", token).status()).isEqualTo(200);

      pg.close();
      ApiClient.Response down = rtk.deliver(appPath, "delivery-1", join);
      assertThat(down.status()).as("%s", down.body()).isEqualTo(503);
      assertThat(down.header("Retry-After")).isEqualTo("1");
      assertThat(down.body().at("/error/message").asText()).isEqualTo("storage unavailable, retry later");

      pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
      // RealtimeKit retries on 5xx, with a delay. The first retries may still meet connections
      // the pool has not yet found broken (503 again); the one that gets through is applied,
      // not a duplicate: no 503 attempt recorded anything.
      ApiClient.Response retried = rtk.deliver(appPath, "delivery-1", join);
      for (int attempt = 1; retried.status() == 503 && attempt < 40; attempt++) {
        Thread.sleep(250);
        retried = rtk.deliver(appPath, "delivery-1", join);
      }
      assertThat(retried.status()).as("%s", retried.body()).isEqualTo(200);
      assertThat(retried.body().at("/data/status").asText()).isEqualTo("applied");
      assertThat(client.get(appPath + "/sessions", token).body().at("/data/sessions/0/id").asText())
          .isEqualTo("s-1");
    } finally {
      pg.close();
    }
  }
}
