package dev.rtksessions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.StringJoiner;

/**
 * Any query string of {@code GET .../sessions} (each parameter absent, given once or twice, with
 * any value, percent-encoded or raw) either reads as a request within the documented bounds or
 * is refused with a 400 whose envelope can be sent: never another exception.
 */
class ListSessionsRequestFuzzTest {
  private static final List<String> NAMES = List.of("page_no", "per_page", "sort_by", "sort_order", "status",
      "associated_id", "start_time", "end_time", "participants", "search");

  @FuzzTest(maxDuration = "3s", maxExecutions = 50_000)
  void anyQueryReadsOrIsRefusedWithA400(FuzzedDataProvider data) {
    StringJoiner query = new StringJoiner("&");
    for (String name : NAMES) {
      int given = data.consumeInt(0, 2);
      for (int i = 0; i < given; i++) {
        String value = data.consumeString(40);
        query.add(name + "=" + (data.consumeBoolean() ? URLEncoder.encode(value, StandardCharsets.UTF_8) : value));
      }
    }
    ListRequests.Sessions request;
    try {
      request = ListRequests.sessions("app", Params.parse(query.toString()));
    } catch (ApiException e) {
      assertThat(e.status()).isEqualTo(400);
      Refusals.assertClientError(e);
      return;
    }
    assertThat(request.page().number()).isPositive();
    assertThat(request.page().size()).isBetween(1, ListRequests.MAX_PER_PAGE);
    assertThat(request.page().offset()).isNotNegative();
  }
}
