package dev.rtksessions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Any text is either a time in range, which formats and reads back to itself, or refused with
 * an IllegalArgumentException (whose message is the rule): never another exception. The first
 * byte chooses the reader: even the API's, odd the webhooks'.
 */
class TimestampsFuzzTest {
  @FuzzTest(maxDuration = "3s", maxExecutions = 50_000)
  void anyTextIsATimeInRangeOrRefused(byte[] input) {
    if (input.length == 0) {
      return;
    }
    String text = new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8);
    long millis;
    try {
      millis = input[0] % 2 == 0 ? Timestamps.parse(text) : Timestamps.parseWebhookTime(text);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(millis).isBetween(Timestamps.MIN, Timestamps.MAX);
    assertThat(Timestamps.parse(Timestamps.format(millis))).isEqualTo(millis);
  }
}
