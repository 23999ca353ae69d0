package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.engine.Tokens;
import dev.rtksessions.model.Permission;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Authentication, account scoping, permissions and routing errors, once per store. */
abstract class AccessApiTest extends PerStoreTest {

  private String sessionsPath() {
    return t.appPath() + "/sessions";
  }

  private static void assertAuthError(ApiClient.Response r, String detail) {
    assertThat(r.status()).isEqualTo(401);
    JsonNode body = r.body();
    assertThat(body.get("success").asBoolean()).isFalse();
    assertThat(body.get("error").get("code").asInt()).isEqualTo(401);
    assertThat(body.get("errors").get(0).get("code").asInt()).isEqualTo(10000);
    assertThat(body.get("error").get("message").asText()).startsWith("Authentication error").contains(detail);
  }

  @Test
  void missingUnknownAndRevokedTokensAre401() {
    assertAuthError(t.client.get(sessionsPath(), null), "missing Authorization header");
    assertAuthError(t.client.get(sessionsPath(), "rtk_not-a-real-token"), "unknown token");
    Tokens.Issued issued = t.service.tokens().create(t.accountId, Permission.REALTIME, "to revoke");
    assertThat(t.client.get(sessionsPath(), issued.secret()).status()).isEqualTo(200);
    assertThat(t.service.tokens().revoke(issued.token().id())).isTrue();
    assertAuthError(t.client.get(sessionsPath(), issued.secret()), "revoked");
  }

  @Test
  void authenticationComesBeforeEverythingElse() {
    // Even an unknown app or a malformed id answers 401 without a valid token: nothing leaks.
    assertAuthError(t.client.get("/accounts/" + t.accountId + "/realtime/kit/nope/sessions", "bad"), "unknown");
    assertAuthError(t.client.get("/accounts/a%20b/realtime/kit/x/sessions?per_page=0", null), "missing");
  }

  @Test
  void aReadOnlyTokenReadsButDoesNotWrite() {
    String reader = t.service.tokens().create(t.accountId, Permission.REALTIME, "reader").secret();
    assertThat(t.client.get(sessionsPath(), reader).status()).isEqualTo(200);
    String events = new Events(Instant.parse("2025-03-04T10:00:00Z")).join("m", "a", 0).json();
    ApiClient.Response write = t.client.post(t.appPath() + "/events", reader, events, "application/json");
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.body().get("errors").get(0).get("code").asInt()).isEqualTo(403);
    assertThat(write.body().get("error").get("message").asText()).contains("Realtime Admin");
    assertThat(t.client.postJson("/accounts/" + t.accountId + "/realtime/kit/apps", reader,
        java.util.Map.of("name", "x")).status()).isEqualTo(403);
  }

  @Test
  void aTokenOfAnotherAccountIs403() {
    String other = t.service.tokens().create("other-account", Permission.REALTIME_ADMIN, "other").secret();
    ApiClient.Response r = t.client.get(sessionsPath(), other);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.body().get("error").get("message").asText())
        .isEqualTo("this token does not grant access to account " + t.accountId);
  }

  @Test
  void unknownAppsAndAppsOfAnotherAccountAre404() {
    ApiClient.Response unknown = t.get("/accounts/" + t.accountId + "/realtime/kit/no-such-app/sessions");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("error").get("message").asText())
        .isEqualTo("app no-such-app not found in account " + t.accountId);
    String foreignApp = t.service.catalog().createApp("someone-else", "theirs").id();
    ApiClient.Response foreign = t.get("/accounts/" + t.accountId + "/realtime/kit/" + foreignApp + "/sessions");
    assertThat(foreign.status()).isEqualTo(404);
  }

  @Test
  void malformedPathIdsAre400() {
    ApiClient.Response account = t.get("/accounts/" + "a".repeat(33) + "/realtime/kit/" + t.appId + "/sessions");
    assertThat(account.status()).isEqualTo(400);
    assertThat(account.body().get("error").get("message").asText()).startsWith("account_id must be 1-32 characters");
    ApiClient.Response app = t.get("/accounts/" + t.accountId + "/realtime/kit/" + "b".repeat(37) + "/sessions");
    assertThat(app.status()).isEqualTo(400);
    assertThat(app.body().get("error").get("message").asText()).startsWith("app_id must be 1-36 characters");
  }

  @Test
  void unknownRoutesAndWrongMethods() {
    ApiClient.Response route = t.get("/accounts/" + t.accountId + "/realtime/kit/" + t.appId + "/nothing");
    assertThat(route.status()).isEqualTo(404);
    assertThat(route.body().get("errors").get(0).get("code").asInt()).isEqualTo(404);
    ApiClient.Response method = t.client.send("DELETE", sessionsPath(), t.adminToken, null);
    assertThat(method.status()).isEqualTo(405);
    assertThat(method.body().get("error").get("message").asText()).startsWith("DELETE is not allowed");
  }

  @Test
  void healthIsOpenAndReportsReady() {
    ApiClient.Response r = t.client.get("http://127.0.0.1:" + t.service.port() + "/healthz", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("status").asText()).isEqualTo("ok");
  }

  static final class OnSqliteTest extends AccessApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static final class OnPostgresTest extends AccessApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
