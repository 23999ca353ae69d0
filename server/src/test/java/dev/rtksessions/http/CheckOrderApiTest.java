package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.model.Permission;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.TestDatabases;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order of checks that docs/api.md states, over every combination: authentication (401),
 * then malformed path ids (400), then the token's account and permission (403), then the app's
 * existence (404); a read and a write for each.
 */
abstract class CheckOrderApiTest extends PerStoreTest {
  private final Map<String, String> tokens = new LinkedHashMap<>();

  @BeforeAll
  void tokens() {
    tokens.put("none", null);
    tokens.put("unknown", "rtk_not-a-token");
    tokens.put("reader", t.service.tokens().create(t.accountId, Permission.REALTIME, "reader").secret());
    tokens.put("admin", t.service.tokens().create(t.accountId, Permission.REALTIME_ADMIN, "admin").secret());
    tokens.put("other account", t.service.tokens().create("other-acc", Permission.REALTIME_ADMIN, "other")
        .secret());
  }

  private enum Target { GOOD, MALFORMED_ACCOUNT, MALFORMED_APP, UNKNOWN_APP }

  private String path(Target target) {
    return switch (target) {
      case GOOD -> t.appPath();
      case MALFORMED_ACCOUNT -> "/accounts/" + "a".repeat(33) + "/realtime/kit/" + t.appId;
      case MALFORMED_APP -> t.appPath("b".repeat(37));
      case UNKNOWN_APP -> t.appPath("no-such-app");
    };
  }

  private static int expected(String token, Target target, boolean write) {
    if (token.equals("none") || token.equals("unknown")) {
      return 401;
    }
    if (target == Target.MALFORMED_ACCOUNT || target == Target.MALFORMED_APP) {
      return 400;
    }
    if (token.equals("other account") || (write && token.equals("reader"))) {
      return 403;
    }
    return target == Target.UNKNOWN_APP ? 404 : 200;
  }

  @Test
  void everyCombinationAnswersTheFirstFailingCheck() {
    int n = 0;
    for (Map.Entry<String, String> token : tokens.entrySet()) {
      for (Target target : Target.values()) {
        for (boolean write : new boolean[] {false, true}) {
          ApiClient.Response r = write
              ? t.client.post(path(target) + "/events", token.getValue(),
                  new Events(Instant.parse("2025-03-04T10:00:00Z"), "order-" + n++ + "-").join("m", "p", 0).json(),
                  "application/json")
              : t.client.get(path(target) + "/sessions", token.getValue());
          assertThat(r.status()).as("%s token, %s, %s: %s", token.getKey(), target, write ? "POST events"
              : "GET sessions", r.body()).isEqualTo(expected(token.getKey(), target, write));
          assertThat(r.body().at("/success").asBoolean()).isEqualTo(r.status() == 200);
        }
      }
    }
  }

  static final class OnSqliteTest extends CheckOrderApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  static final class OnPostgresTest extends CheckOrderApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
