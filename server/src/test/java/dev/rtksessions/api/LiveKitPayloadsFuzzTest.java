package dev.rtksessions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any LiveKit webhook body either parses or is refused with a 4xx ApiException whose envelope
 * can be sent: never another exception.
 */
class LiveKitPayloadsFuzzTest {
  @FuzzTest(maxDuration = "3s", maxExecutions = 50_000)
  void anyBodyParsesOrIsRefusedWithA4xx(byte[] body) {
    try {
      assertThat(LiveKitPayloads.parse(body).deliveryId()).startsWith("lk:");
    } catch (ApiException e) {
      Refusals.assertClientError(e);
    }
  }
}
