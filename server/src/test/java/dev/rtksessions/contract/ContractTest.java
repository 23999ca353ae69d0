package dev.rtksessions.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.contract.OpenApiContract.Violation;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every answer of the list-sessions, apps and meetings endpoints, from the real service over
 * a real socket and a real store, validated against Cloudflare's own published OpenAPI
 * schemas ({@code src/test/resources/contract}).
 *
 * <p>The data is built the way a client would: an app through the apps API, meetings through
 * the meetings API (one of them a breakout room of another, via {@code parent_meeting_id}),
 * then participant events, so that the sessions listed include LIVE and ENDED ones, a
 * livestream, {@code meta}, and a parent session that carries a breakout room. All ids are
 * UUIDs, as Cloudflare's schemas declare ({@code format: uuid}).
 *
 * <p>Schema violations are collected over the whole scenario and reported together, one line
 * per violation with the request, the JSON pointer and the rule, so one run shows them all.
 */
class ContractTest {
  private static final OpenApiContract CONTRACT = OpenApiContract.cloudflareRealtimeKit();
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern TIMESTAMP_OUT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void answersConformToCloudflaresPublishedSchemas(TestDatabases.Kind kind) {
    try (TestService t = TestService.start(kind)) {
      Checker check = new Checker(t);
      String appsPath = "/accounts/" + t.accountId + "/realtime/kit/apps";

      // Apps.
      JsonNode created = check.post("create_app", 200, appsPath, Map.of("name", "contract app"));
      String appId = created.at("/data/app/id").asText();
      assertThat(appId).matches(UUID_TEXT);
      check.post("create_app", 200, appsPath, Map.of("name", "second app"));
      JsonNode apps = check.get("get_apps", appsPath);
      assertThat(apps.get("data")).hasSize(3); // the harness's app and the two above
      check.get("get_apps", appsPath + "?per_page=1&sort_order=ASC");
      check.get("get_apps", appsPath + "?search=contract");
      JsonNode noApps = check.get("get_apps", appsPath + "?page_no=9");
      assertThat(noApps.get("data")).isEmpty();

      // Meetings.
      String app = "/accounts/" + t.accountId + "/realtime/kit/" + appId;
      String plain = check.post("create_meeting", 201, app + "/meetings", Map.of()).at("/data/id").asText();
      String parent = check.post("create_meeting", 201, app + "/meetings", Map.of("title", "Weekly sync",
          "session_keep_alive_time_in_secs", 120, "record_on_start", true, "persist_chat", true))
          .at("/data/id").asText();
      String breakout = check.post("create_meeting", 201, app + "/meetings",
          Map.of("title", "Breakout A", "parent_meeting_id", parent)).at("/data/id").asText();
      String webinar = check.post("create_meeting", 201, app + "/meetings",
          Map.of("title", "Webinar", "transcribe_on_end", true, "summarize_on_end", true)).at("/data/id").asText();
      for (String id : List.of(plain, parent, breakout, webinar)) {
        assertThat(id).matches(UUID_TEXT);
        check.get("get_meeting", app + "/meetings/" + id);
      }
      JsonNode meetings = check.get("get_all_meetings", app + "/meetings");
      assertThat(meetings.get("data")).hasSize(4);
      check.get("get_all_meetings", app + "/meetings?per_page=3");
      check.get("get_all_meetings", app + "/meetings?per_page=3&page_no=2");
      check.get("get_all_meetings", app + "/meetings?search=weekly");
      assertThat(check.get("get_all_meetings", app + "/meetings?page_no=7").get("data")).isEmpty();

      // Sessions, fed through the events API (not a Cloudflare endpoint: its answer is not
      // part of this contract). The clock stands at 10:00; the events are earlier.
      String parentSession = uuid();
      String breakoutSession = uuid();
      String[] peer = {uuid(), uuid(), uuid(), uuid(), uuid(), uuid()};
      String events = """
          [{"id":"%1$s","type":"participant.joined","meeting_id":"%7$s","peer_id":"%13$s","session_id":"%11$s",
            "at":"2025-03-04T09:00:00Z","custom_participant_id":"alice","user_id":"u-1","display_name":"Alice",
            "preset_name":"host","meta":{"topic":"sync","round":1}},
           {"id":"%2$s","type":"participant.joined","meeting_id":"%7$s","peer_id":"%14$s",
            "at":"2025-03-04T09:05:00.250Z","custom_participant_id":"bob","display_name":"Bob"},
           {"id":"%3$s","type":"participant.joined","meeting_id":"%8$s","peer_id":"%15$s","session_id":"%12$s",
            "at":"2025-03-04T09:10:00Z","custom_participant_id":"carol"},
           {"id":"%4$s","type":"participant.left","meeting_id":"%8$s","peer_id":"%15$s",
            "at":"2025-03-04T09:25:00Z"},
           {"id":"%5$s","type":"participant.left","meeting_id":"%7$s","peer_id":"%14$s",
            "at":"2025-03-04T09:30:00Z"},
           {"id":"%6$s","type":"participant.left","meeting_id":"%7$s","peer_id":"%13$s",
            "at":"2025-03-04T11:10:00+01:30"},
           {"id":"%17$s","type":"participant.joined","meeting_id":"%9$s","peer_id":"%16$s",
            "at":"2025-03-04T09:15:00Z"},
           {"id":"%18$s","type":"session.ended","meeting_id":"%9$s","at":"2025-03-04T09:50:00Z"},
           {"id":"%19$s","type":"participant.joined","meeting_id":"%10$s","peer_id":"%20$s",
            "at":"2025-03-04T09:45:00Z","session_type":"livestream"},
           {"id":"%21$s","type":"participant.joined","meeting_id":"%10$s","peer_id":"%22$s",
            "at":"2025-03-04T09:50:00Z","session_type":"livestream"}]"""
          .formatted(uuid(), uuid(), uuid(), uuid(), uuid(), uuid(), parent, breakout, plain, webinar,
              parentSession, breakoutSession, peer[0], peer[1], peer[2], peer[3], uuid(), uuid(), uuid(),
              peer[4], uuid(), peer[5]);
      ApiClient.Response ingested = t.client.post(app + "/events", t.adminToken, events, "application/json");
      assertThat(ingested.status()).as("events answer: %s", ingested.body()).isEqualTo(200);
      assertThat(ingested.body().at("/data/applied").asInt()).isEqualTo(10);

      String sessions = app + "/sessions";
      JsonNode all = check.get("GetSessions", sessions);
      // The scenario must really hold what the contract is checked on.
      assertThat(all.at("/data/sessions")).hasSize(3);
      assertThat(all.at("/paging/total_count").asInt()).isEqualTo(3);
      JsonNode parentRow = find(all, parentSession);
      assertThat(parentRow.get("status").asText()).isEqualTo("ENDED");
      assertThat(parentRow.get("breakout_rooms")).hasSize(1);
      assertThat(parentRow.at("/breakout_rooms/0/id").asText()).isEqualTo(breakoutSession);
      assertThat(parentRow.get("meta")).isNotNull();
      assertWireShapes(all.at("/data/sessions"));

      JsonNode live = check.get("GetSessions", sessions + "?status=LIVE");
      assertThat(live.at("/data/sessions")).hasSize(1);
      assertThat(live.at("/data/sessions/0/type").asText()).isEqualTo("livestream");
      assertThat(check.get("GetSessions", sessions + "?status=ENDED").at("/data/sessions")).hasSize(2);
      check.get("GetSessions", sessions + "?sort_by=minutesConsumed");
      check.get("GetSessions", sessions + "?sort_by=minutesConsumed&sort_order=ASC");
      JsonNode pastEnd = check.get("GetSessions", sessions + "?page_no=5");
      assertThat(pastEnd.at("/data/sessions")).isEmpty();
      assertThat(pastEnd.at("/paging/total_count").asInt()).isEqualTo(3);
      assertThat(check.get("GetSessions", sessions + "?per_page=1").at("/data/sessions")).hasSize(1);
      check.get("GetSessions", sessions + "?per_page=1&page_no=3");
      check.get("GetSessions", sessions + "?associated_id=" + parent);
      check.get("GetSessions", sessions + "?search=weekly");
      check.get("GetSessions", sessions + "?participants=2:&start_time=2025-03-04T09:00:00Z"
          + "&end_time=2025-03-04T10:00:00Z");
      check.get("GetSessions", sessions + "?associated_id=" + breakout); // a breakout room is not listed on its own

      t.clock.advance(Duration.ofMinutes(7)); // LIVE minutes are computed at read time
      check.get("GetSessions", sessions + "?status=LIVE&sort_by=minutesConsumed");

      System.out.printf("[%s] validated %d answers against %s%n", kind, check.validated,
          OpenApiContract.CLOUDFLARE_REALTIMEKIT);
      assertThat(check.violations)
          .as("answers that break Cloudflare's published schemas (%s):%n%s", kind, String.join("\n", check.violations))
          .isEmpty();
      assertThat(check.validated).isEqualTo(6 + 13 + 13); // apps, meetings, sessions: none skipped
    }
  }

  /** Sends requests as the admin, checks the status and validates each answer against its operation. */
  private static final class Checker {
    private final TestService t;
    final List<String> violations = new ArrayList<>();
    int validated;

    Checker(TestService t) {
      this.t = t;
    }

    JsonNode get(String operationId, String pathAndQuery) {
      return conforms(operationId, 200, "GET", pathAndQuery, t.client.get(pathAndQuery, t.adminToken));
    }

    JsonNode post(String operationId, int status, String path, Object body) {
      return conforms(operationId, status, "POST", path, t.client.postJson(path, t.adminToken, body));
    }

    private JsonNode conforms(String operationId, int status, String method, String pathAndQuery,
        ApiClient.Response r) {
      OpenApiContract.Operation op = CONTRACT.operation(operationId);
      String path = pathAndQuery.replaceFirst("\\?.*", "");
      assertThat(op.method()).as("%s is a %s", operationId, op.method()).isEqualTo(method);
      assertThat(op.matchesPath(path)).as("%s does not match %s", path, op.pathTemplate()).isTrue();
      assertThat(r.status()).as("%s %s answered %s", method, pathAndQuery, r.body()).isEqualTo(status);
      assertThat(r.header("Content-Type")).as("%s %s content type", method, pathAndQuery)
          .startsWith("application/json");
      List<Violation> found = CONTRACT.validateResponse(operationId, status, r.body());
      validated++;
      if (!found.isEmpty()) {
        String report = method + " " + pathAndQuery + " (" + operationId + " " + status + "):\n"
            + OpenApiContract.describe(found) + "  answer: " + r.body();
        System.out.println("CONTRACT VIOLATION " + report);
        violations.add(report);
      }
      return r.body();
    }
  }

  /**
   * The project's own wire rules (API.md §1), stricter than Cloudflare's schema, which types
   * the session's ids and timestamps as plain strings: ids here are UUIDs, timestamps are UTC
   * with milliseconds. Walks breakout rooms too.
   */
  private static void assertWireShapes(JsonNode sessions) {
    for (JsonNode s : sessions) {
      assertThat(s.get("id").asText()).matches(UUID_TEXT);
      assertThat(s.get("associated_id").asText()).matches(UUID_TEXT);
      assertThat(s.get("organization_id").asText()).matches(UUID_TEXT);
      for (String field : List.of("created_at", "started_at", "updated_at", "ended_at")) {
        if (s.has(field)) {
          assertThat(s.get(field).asText()).as("%s of %s", field, s.get("id")).matches(TIMESTAMP_OUT);
        }
      }
      assertWireShapes(s.get("breakout_rooms"));
    }
  }

  private static JsonNode find(JsonNode list, String sessionId) {
    return StreamSupport.stream(list.at("/data/sessions").spliterator(), false)
        .filter(s -> s.path("id").asText().equals(sessionId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("session " + sessionId + " not listed: " + list));
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }
}
