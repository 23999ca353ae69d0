package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SmokeTest {
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void joinThenList(TestDatabases.Kind kind) {
    try (TestService t = TestService.start(kind)) {
      ApiClient.Response r = t.postEvents("""
          [{"id":"e1","type":"participant.joined","meeting_id":"m1","peer_id":"p1","at":"2025-03-04T09:00:00Z"},
           {"id":"e2","type":"participant.joined","meeting_id":"m1","peer_id":"p2","at":"2025-03-04T09:30:00Z"}]""");
      System.out.println(r.body());
      assertThat(r.status()).isEqualTo(200);
      ApiClient.Response list = t.get(t.appPath() + "/sessions");
      System.out.println(list.body().toPrettyString());
      assertThat(list.status()).isEqualTo(200);
    }
  }
}
