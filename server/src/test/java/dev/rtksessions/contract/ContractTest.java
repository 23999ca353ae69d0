package dev.rtksessions.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Every answer of the sessions family (list, details, participants, participant details, peer
 * report, active session), apps and meetings (create, get, list, PATCH, PUT) endpoints, from the
 * real service over a real socket and a real store, validated against Cloudflare's own published
 * OpenAPI schemas ({@code src/test/resources/contract}).
 *
 * <p>The data is built the way a client would: an app through the apps API, meetings through
 * the meetings API (two of them breakout rooms of others, via {@code parent_meeting_id}),
 * then participant events, so that the sessions include LIVE and ENDED ones, a livestream,
 * {@code meta}, an ENDED parent session with an ENDED breakout room, a LIVE one with a LIVE
 * breakout room, a peer that leaves and rejoins, and participants with a second device in a
 * breakout room (so the consolidated view adds time). All ids are UUIDs, as Cloudflare's schemas
 * declare ({@code format: uuid}).
 *
 * <p>Every session is read with several parameter combinations ({@code include_breakout_rooms},
 * {@code include_peer_events}, {@code view=consolidated}, sorts, search, pages) and so is each of
 * its peers. The published schemas' quirks are left as they are (API.md §1): the participants
 * {@code paging} sits inside {@code data} although the schema does not declare it (allowed: the
 * schema does not forbid additional properties), and answers are validated against schemas, never
 * examples (the active-session example lacks required fields). The active-session 404 is
 * validated too, against the error schema the operation declares for it.
 *
 * <p>Schema violations are collected over the whole scenario and reported together, one line
 * per violation with the request, the JSON pointer and the rule, so one run shows them all.
 */
class ContractTest {
  private static final OpenApiContract CONTRACT = OpenApiContract.cloudflareRealtimeKit();
  private static final ObjectMapper JSON = new ObjectMapper();
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
      String webinarRoom = check.post("create_meeting", 201, app + "/meetings",
          Map.of("title", "Webinar Q&A room", "parent_meeting_id", webinar)).at("/data/id").asText();
      for (String id : List.of(plain, parent, breakout, webinar, webinarRoom)) {
        assertThat(id).matches(UUID_TEXT);
        check.get("get_meeting", app + "/meetings/" + id);
      }
      JsonNode meetings = check.get("get_all_meetings", app + "/meetings");
      assertThat(meetings.get("data")).hasSize(5);
      check.get("get_all_meetings", app + "/meetings?per_page=3");
      check.get("get_all_meetings", app + "/meetings?per_page=3&page_no=2");
      check.get("get_all_meetings", app + "/meetings?search=weekly");
      assertThat(check.get("get_all_meetings", app + "/meetings?page_no=7").get("data")).isEmpty();

      // Sessions, fed through the events API (not a Cloudflare endpoint: its answer is not
      // part of this contract). The clock stands at 10:00; the events are earlier.
      String parentSession = uuid();
      String breakoutSession = uuid();
      String[] peer = {uuid(), uuid(), uuid(), uuid(), uuid(), uuid(), uuid(), uuid()};
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
            "at":"2025-03-04T09:50:00Z","session_type":"livestream","custom_participant_id":"dora"}]"""
          .formatted(uuid(), uuid(), uuid(), uuid(), uuid(), uuid(), parent, breakout, plain, webinar,
              parentSession, breakoutSession, peer[0], peer[1], peer[2], peer[3], uuid(), uuid(), uuid(),
              peer[4], uuid(), peer[5]);
      // Alice's phone in the breakout room (consolidated view), Bob's rejoin (two stays, four peer
      // events), and a LIVE breakout room of the LIVE webinar where Dora's second device is.
      String more = """
          [{"id":"%1$s","type":"participant.joined","meeting_id":"%6$s","peer_id":"%9$s",
            "at":"2025-03-04T09:12:00Z","custom_participant_id":"alice","display_name":"Alice (phone)"},
           {"id":"%2$s","type":"participant.left","meeting_id":"%6$s","peer_id":"%9$s","at":"2025-03-04T09:20:00Z"},
           {"id":"%3$s","type":"participant.joined","meeting_id":"%7$s","peer_id":"%10$s",
            "at":"2025-03-04T09:35:00Z","custom_participant_id":"bob","display_name":"Bob"},
           {"id":"%4$s","type":"participant.left","meeting_id":"%7$s","peer_id":"%10$s","at":"2025-03-04T09:38:00Z"},
           {"id":"%5$s","type":"participant.joined","meeting_id":"%8$s","peer_id":"%11$s",
            "at":"2025-03-04T09:55:00Z","custom_participant_id":"dora","display_name":"Dora",
            "preset_name":"panelist"}]"""
          .formatted(uuid(), uuid(), uuid(), uuid(), uuid(), breakout, parent, webinarRoom, peer[6], peer[1],
              peer[7]);
      events = events.substring(0, events.lastIndexOf(']')) + "," + more.substring(more.indexOf('[') + 1);
      ApiClient.Response ingested = t.client.post(app + "/events", t.adminToken, events, "application/json");
      assertThat(ingested.status()).as("events answer: %s", ingested.body()).isEqualTo(200);
      assertThat(ingested.body().at("/data/applied").asInt()).isEqualTo(15);

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

      // The rest of the sessions family: every session (breakout rooms too), every peer, with
      // several parameter combinations each.
      List<String> sessionIds = new ArrayList<>();
      collectIds(all.at("/data/sessions"), sessionIds);
      assertThat(sessionIds).hasSize(5).contains(parentSession, breakoutSession);
      List<String> peers = checkFamily(check, sessions, sessionIds);
      assertThat(peers).hasSize(8).contains(peer);

      // ... and the scenario really holds what those answers were meant to show.
      JsonNode withRooms =
          check.get("GetSessionDetails", sessions + "/" + parentSession + "?include_breakout_rooms=true");
      assertThat(withRooms.at("/data/breakout_rooms/0/id").asText()).isEqualTo(breakoutSession);
      assertWireShapes(JSON.createArrayNode().add(withRooms.get("data")));
      JsonNode bob = check.get("GetParticipantDetails",
          sessions + "/" + parentSession + "/participants/" + peer[1] + "?include_peer_events=true");
      assertThat(bob.at("/data/participant/peer_events")).hasSize(4); // joined, left, joined again, left
      JsonNode raw = check.get("GetSessionParticipants", sessions + "/" + parentSession + "/participants?search=alice");
      JsonNode consolidated = check.get("GetSessionParticipants",
          sessions + "/" + parentSession + "/participants?search=alice&view=consolidated");
      assertThat(consolidated.at("/data/participants/0/duration").decimalValue())
          .isGreaterThan(raw.at("/data/participants/0/duration").decimalValue()); // + the phone in the room
      assertThat(raw.at("/data/paging/total_count").asInt()).isEqualTo(1); // paging inside data
      JsonNode report = check.get("GetParticipantDataFromPeerId", sessions + "/peer-report/" + peer[6]);
      assertThat(report.at("/data/participant/session_id").asText()).isEqualTo(breakoutSession);
      assertThat(report.at("/data/participant/peer_report").isObject()).isTrue();

      // Active sessions: the LIVE webinar with its LIVE breakout room; 404 for the others.
      JsonNode activeWebinar = check.get("GetActiveSession", app + "/meetings/" + webinar + "/active-session");
      assertThat(activeWebinar.at("/data/status").asText()).isEqualTo("LIVE");
      assertThat(activeWebinar.at("/data/breakout_rooms")).hasSize(1);
      assertThat(activeWebinar.at("/data/breakout_rooms/0/associated_id").asText()).isEqualTo(webinarRoom);
      check.get("GetActiveSession", app + "/meetings/" + webinarRoom + "/active-session");
      for (String meeting : List.of(parent, breakout, plain)) {
        JsonNode none = check.status("GetActiveSession", 404, "GET", app + "/meetings/" + meeting + "/active-session",
            null);
        assertThat(none.at("/error/message").asText()).isEqualTo("No active session found for meeting_id " + meeting);
      }

      t.clock.advance(Duration.ofMinutes(7)); // LIVE minutes are computed at read time
      check.get("GetSessions", sessions + "?status=LIVE&sort_by=minutesConsumed");
      String webinarSession = activeWebinar.at("/data/id").asText();
      check.get("GetActiveSession", app + "/meetings/" + webinar + "/active-session");
      check.get("GetSessionDetails", sessions + "/" + webinarSession + "?include_breakout_rooms=true");
      check.get("GetSessionParticipants", sessions + "/" + webinarSession
          + "/participants?view=consolidated&include_peer_events=true&sort_by=duration");
      check.get("GetParticipantDetails", sessions + "/" + webinarSession + "/participants/" + peer[5]
          + "?include_peer_events=true");
      check.get("GetParticipantDataFromPeerId", sessions + "/peer-report/" + peer[7] + "?include_peer_events=true");

      // Meetings: PATCH changes the fields given, PUT replaces them all.
      String meetingPath = app + "/meetings/";
      JsonNode renamed =
          check.send("update_meeting", "PATCH", meetingPath + parent, Map.of("title", "Weekly sync (renamed)"));
      assertThat(renamed.at("/data/title").asText()).isEqualTo("Weekly sync (renamed)");
      assertThat(renamed.at("/data/session_keep_alive_time_in_secs").asInt()).isEqualTo(120);
      assertThat(check.get("GetSessionDetails", sessions + "/" + parentSession).at("/data/meeting_display_name")
          .asText()).isEqualTo("Weekly sync (renamed)");
      check.send("update_meeting", "PATCH", meetingPath + plain,
          Map.of("status", "INACTIVE", "session_keep_alive_time_in_secs", 600, "record_on_start", true));
      check.send("update_meeting", "PATCH", meetingPath + plain, Map.of());
      check.send("update_meeting", "PATCH", meetingPath + breakout, Map.of("persist_chat", true,
          "summarize_on_end", true, "transcribe_on_end", true, "live_stream_on_start", true));
      JsonNode replaced = check.send("replace_meeting", "PUT", meetingPath + plain, Map.of("title", "Replaced",
          "session_keep_alive_time_in_secs", 300, "persist_chat", true, "status", "ACTIVE"));
      assertThat(replaced.at("/data/record_on_start").asBoolean()).isFalse(); // not given: back to its default
      check.send("replace_meeting", "PUT", meetingPath + plain, Map.of());
      check.send("replace_meeting", "PUT", meetingPath + webinarRoom,
          Map.of("title", "Q&A", "parent_meeting_id", webinar));
      for (String id : List.of(plain, parent, breakout, webinarRoom)) {
        check.get("get_meeting", meetingPath + id);
      }

      System.out.printf("[%s] validated %d answers against %s%n", kind, check.validated,
          OpenApiContract.CLOUDFLARE_REALTIMEKIT);
      assertThat(check.violations)
          .as("answers that break Cloudflare's published schemas (%s):%n%s", kind, String.join("\n", check.violations))
          .isEmpty();
      int family = sessionIds.size() * (DETAILS_QUERIES.size() + PARTICIPANTS_QUERIES.size())
          + peers.size() * (PARTICIPANT_QUERIES.size() + PEER_REPORT_QUERIES.size());
      // apps, meetings, sessions, the family, its checks, active sessions, after 7 min, meeting
      // updates: none skipped
      assertThat(check.validated).isEqualTo(6 + 15 + 13 + family + 5 + 5 + 5 + 12);
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

    /** A JSON body sent with another method (PATCH, PUT); the answer must be a 200. */
    JsonNode send(String operationId, String method, String path, Object body) {
      try {
        return conforms(operationId, 200, method, path, t.client.send(method, path, t.adminToken,
            JSON.writeValueAsString(body), "application/json"));
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }

    /** Any method and expected status, for the non-2xx answers an operation declares a schema for. */
    JsonNode status(String operationId, int status, String method, String pathAndQuery, Object body) {
      ApiClient.Response r;
      try {
        r = body == null ? t.client.send(method, pathAndQuery, t.adminToken, null)
            : t.client.send(method, pathAndQuery, t.adminToken, JSON.writeValueAsString(body), "application/json");
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
      return conforms(operationId, status, method, pathAndQuery, r);
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

  /** Query strings each session's details are read with. */
  private static final List<String> DETAILS_QUERIES =
      List.of("", "?include_breakout_rooms=true", "?include_breakout_rooms=false");
  /** Query strings each session's participants are listed with. */
  private static final List<String> PARTICIPANTS_QUERIES = List.of(
      "",
      "?include_peer_events=true",
      "?view=consolidated",
      "?view=consolidated&include_peer_events=true&sort_by=duration&sort_order=DESC",
      "?view=raw&sort_by=joinedAt&sort_order=ASC&per_page=1&page_no=2",
      "?search=a&page_no=0&per_page=200&include_peer_events=false",
      "?page_no=9");
  /** Query strings each participant's details are read with. */
  private static final List<String> PARTICIPANT_QUERIES = List.of("", "?include_peer_events=true");
  /** Query strings each peer's report is read with. */
  private static final List<String> PEER_REPORT_QUERIES =
      List.of("", "?include_peer_events=true", "?filters=device_info&include_peer_events=false");

  /**
   * Validates, for each session, its details and its participants with every query above, and
   * for each of its peers the participant details and the peer report with theirs. Returns the
   * peers seen.
   */
  private static List<String> checkFamily(Checker check, String sessionsPath, List<String> sessionIds) {
    List<String> peers = new ArrayList<>();
    for (String id : sessionIds) {
      for (String q : DETAILS_QUERIES) {
        JsonNode details = check.get("GetSessionDetails", sessionsPath + "/" + id + q);
        assertThat(details.at("/data/id").asText()).isEqualTo(id);
      }
      JsonNode all = null;
      for (String q : PARTICIPANTS_QUERIES) {
        JsonNode answer = check.get("GetSessionParticipants", sessionsPath + "/" + id + "/participants" + q);
        all = q.isEmpty() ? answer : all;
      }
      for (JsonNode p : all.at("/data/participants")) {
        String peer = p.get("id").asText();
        peers.add(peer);
        for (String q : PARTICIPANT_QUERIES) {
          check.get("GetParticipantDetails", sessionsPath + "/" + id + "/participants/" + peer + q);
        }
        for (String q : PEER_REPORT_QUERIES) {
          check.get("GetParticipantDataFromPeerId", sessionsPath + "/peer-report/" + peer + q);
        }
      }
    }
    return peers;
  }

  /** The ids of the sessions and, recursively, of their breakout rooms. */
  private static void collectIds(JsonNode sessions, List<String> into) {
    for (JsonNode s : sessions) {
      into.add(s.get("id").asText());
      collectIds(s.get("breakout_rooms"), into);
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
