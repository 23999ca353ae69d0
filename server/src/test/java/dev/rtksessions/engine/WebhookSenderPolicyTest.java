package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The default delivery policy as docs/api.md states it: its retry schedule and its allow-list rule. */
class WebhookSenderPolicyTest {
  private static final WebhookSender.Policy DEFAULT = WebhookSender.Policy.DEFAULT;

  @Test
  void theFirstRetryComesWithinFiveSecondsAndTheLastAfterAboutADay() {
    assertThat(DEFAULT.timeout()).isEqualTo(Duration.ofSeconds(10));
    for (int i = 0; i < 1000; i++) {
      assertThat(DEFAULT.delayAfter(1)).isBetween(Duration.ofMillis(1500), Duration.ofMillis(2500));
    }
    Duration shortest = Duration.ZERO;
    Duration longest = Duration.ZERO;
    for (int attempt = 1; attempt <= 12; attempt++) {
      Duration nominal = DEFAULT.retryDelays().get(attempt - 1);
      Duration d = DEFAULT.delayAfter(attempt);
      assertThat(d).isBetween(multiply(nominal, 0.75), multiply(nominal, 1.25));
      shortest = shortest.plus(multiply(nominal, 0.75));
      longest = longest.plus(multiply(nominal, 1.25));
    }
    assertThat(DEFAULT.delayAfter(13)).as("13 attempts, then failed").isNull();
    assertThat(shortest).isGreaterThan(Duration.ofHours(17));
    assertThat(longest).isLessThan(Duration.ofHours(30));
    assertThat(DEFAULT.lease()).isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  void anAllowListTakesHostsAndDomains() {
    assertThat(DEFAULT.allows(URI.create("http://127.0.0.1:9/x"))).isTrue();
    WebhookSender.Policy allow = new WebhookSender.Policy(Duration.ofSeconds(1), List.of(),
        List.of(" Hooks.Example.com", "*.internal.example", ""));
    assertThat(allow.allows(URI.create("https://hooks.example.com/a"))).isTrue();
    assertThat(allow.allows(URI.create("https://internal.example/a"))).isTrue();
    assertThat(allow.allows(URI.create("https://a.b.internal.example/a"))).isTrue();
    assertThat(allow.allows(URI.create("https://evilinternal.example/a"))).isFalse();
    assertThat(allow.allows(URI.create("http://127.0.0.1:9/x"))).isFalse();
  }

  private static Duration multiply(Duration d, double factor) {
    return Duration.ofMillis(Math.round(d.toMillis() * factor));
  }
}
