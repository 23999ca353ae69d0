package dev.rtksessions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any body of the webhooks API (createWebhook and replaceWebhook, editWebhook) either parses or
 * is refused with a 4xx ApiException whose envelope can be sent: never another exception.
 */
class WebhookSubscriptionsFuzzTest {
  @FuzzTest(maxDuration = "3s", maxExecutions = 50_000)
  void anyBodyParsesOrIsRefusedWithA4xx(byte[] body) {
    try {
      assertThat(WebhookSubscriptions.full(body).events()).isNotEmpty();
    } catch (ApiException e) {
      Refusals.assertClientError(e);
    }
    try {
      assertThat(WebhookSubscriptions.partial(body)).isNotNull();
    } catch (ApiException e) {
      Refusals.assertClientError(e);
    }
  }
}
