package dev.rtksessions.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** What the parsers' fuzz tests demand of a refusal: a 4xx whose error envelope can be sent. */
final class Refusals {
  private Refusals() {}

  static void assertClientError(ApiException e) {
    assertThat(e.status()).isBetween(400, 499);
    assertThatCode(() -> Json.MAPPER.writeValueAsBytes(Envelope.Error.of(e))).doesNotThrowAnyException();
  }
}
