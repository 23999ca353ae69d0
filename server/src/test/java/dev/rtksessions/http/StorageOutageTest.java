package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.Permission;
import dev.rtksessions.service.RtkService;
import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * When the database goes away the service says so (health 503, API 503 with Retry-After,
 * never a 500), and it recovers by itself when the database is back. Uses its own embedded
 * PostgreSQL, because the test stops it.
 */
class StorageOutageTest {
  @Test
  void healthAndApiAnswer503WhileStorageIsDownAndRecoverAfter() throws Exception {
    Path dataDir = Files.createTempDirectory("rtk-outage-pg");
    int port;
    String token;
    String appId;
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
        .start()) {
      port = pg.getPort();
    }
    EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
        .setPort(port).start();
    String url = pg.getJdbcUrl("postgres", "postgres");
    try (RtkService service = RtkService.start(ServiceConfig.of("127.0.0.1", 0, url)
        .withAuthCacheTtl(Duration.ofMinutes(5)))) {
      token = service.tokens().create(null, Permission.REALTIME_ADMIN, "outage").secret();
      appId = service.catalog().createApp("acc", "outage").id();
      ApiClient client = new ApiClient(service.baseUrl());
      String health = "http://127.0.0.1:" + service.port() + "/healthz";
      String sessions = "/accounts/acc/realtime/kit/" + appId + "/sessions";
      assertThat(client.get(health, null).status()).isEqualTo(200);
      assertThat(client.get(sessions, token).status()).isEqualTo(200);

      pg.close();
      ApiClient.Response down = client.get(health, null);
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.header("Retry-After")).isNotNull();
      ApiClient.Response read = client.get(sessions, token);
      assertThat(read.status()).isEqualTo(503);
      assertThat(read.header("Retry-After")).isEqualTo("1");
      assertThat(read.body().get("error").get("message").asText()).isEqualTo("storage unavailable, retry later");
      String events = new Events(Instant.parse("2025-03-04T10:00:00Z")).join("m", "a", 0).json();
      ApiClient.Response write = client.post("/accounts/acc/realtime/kit/" + appId + "/events", token, events,
          "application/json");
      assertThat(write.status()).isEqualTo(503);

      pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
      // "By itself" takes a moment: the pool discards the connections that broke and opens new
      // ones (it may still be backing off from the failed attempts). Health says when it is done.
      ApiClient.Response healthy = client.get(health, null);
      for (int attempt = 1; healthy.status() == 503 && attempt < 60; attempt++) {
        Thread.sleep(250);
        healthy = client.get(health, null);
      }
      assertThat(healthy.status()).isEqualTo(200);
      ApiClient.Response retried = client.post("/accounts/acc/realtime/kit/" + appId + "/events", token, events,
          "application/json");
      assertThat(retried.status()).isEqualTo(200);
      assertThat(retried.body().get("data").get("applied").asInt()).isEqualTo(1);
    } finally {
      pg.close();
    }
  }
}
