package dev.rtksessions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.rtksessions.model.ParticipantEvent;
import java.util.Arrays;
import java.util.List;

/**
 * Any body of {@code POST .../events} either parses into events whose times are in range or
 * is refused with a 4xx ApiException whose envelope can be sent: never another exception. The
 * first byte chooses the format: even a JSON array, odd NDJSON.
 */
class EventBatchParserFuzzTest {
  @FuzzTest(maxDuration = "3s", maxExecutions = 50_000)
  void anyBodyParsesOrIsRefusedWithA4xx(byte[] input) {
    if (input.length == 0) {
      return;
    }
    List<ParticipantEvent> events;
    try {
      events = EventBatchParser.parse(Arrays.copyOfRange(input, 1, input.length), input[0] % 2 != 0);
    } catch (ApiException e) {
      Refusals.assertClientError(e);
      return;
    }
    assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.at()).isBetween(Timestamps.MIN, Timestamps.MAX));
  }
}
