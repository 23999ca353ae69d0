package dev.rtksessions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Any {@code rtk-uuid} header (the input's first line) and any RealtimeKit webhook body (the
 * rest) either parse or are refused with a 4xx ApiException whose envelope can be sent: never
 * another exception.
 */
class WebhookPayloadsFuzzTest {
  @FuzzTest(maxDuration = "3s", maxExecutions = 50_000)
  void anyDeliveryParsesOrIsRefusedWithA4xx(byte[] input) {
    int newline = 0;
    while (newline < input.length && input[newline] != '\n') {
      newline++;
    }
    String header = new String(input, 0, newline, StandardCharsets.UTF_8);
    byte[] body = Arrays.copyOfRange(input, Math.min(newline + 1, input.length), input.length);
    try {
      assertThat(WebhookPayloads.deliveryId(header)).isEqualTo(header);
    } catch (ApiException e) {
      Refusals.assertClientError(e);
    }
    try {
      assertThat(WebhookPayloads.parse("delivery-1", body).action()).isNotNull();
    } catch (ApiException e) {
      Refusals.assertClientError(e);
    }
  }
}
