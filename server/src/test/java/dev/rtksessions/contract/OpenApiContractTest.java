package dev.rtksessions.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.contract.OpenApiContract.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validator itself: that it accepts conforming documents and, above all, that it rejects
 * wrong ones with a readable pointer and rule. Without this, a contract test that passes
 * could be a validator that checks nothing.
 */
class OpenApiContractTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OpenApiContract CONTRACT = OpenApiContract.cloudflareRealtimeKit();

  private static final String SESSION = """
      {"id": "813432c7-3c5a-45e2-9acf-eef7061c7584", "associated_id": "6bf2b8be-04dd-4191-b602-1128921a306b",
       "meeting_display_name": "", "organization_id": "14a396e7-ca44-4937-bf1f-050a69118543",
       "type": "meeting", "status": "ENDED", "live_participants": 0, "max_concurrent_participants": 2,
       "minutes_consumed": 12.3456, "created_at": "2025-03-04T09:00:00.000Z",
       "started_at": "2025-03-04T09:00:00.000Z", "updated_at": "2025-03-04T09:20:00.000Z",
       "ended_at": "2025-03-04T09:20:00.000Z", "breakout_rooms": [], "meta": {"k": "v"}}""";

  private static final String MEETING = """
      {"id": "6bf2b8be-04dd-4191-b602-1128921a306b", "title": "Standup", "status": "ACTIVE",
       "created_at": "2025-03-04T10:00:00.000Z", "updated_at": "2025-03-04T10:00:00.000Z",
       "session_keep_alive_time_in_secs": 60, "record_on_start": false, "live_stream_on_start": false,
       "persist_chat": false, "summarize_on_end": false, "transcribe_on_end": false,
       "parent_meeting_id": "813432c7-3c5a-45e2-9acf-eef7061c7584"}""";

  @Test
  void acceptsAConformingSessionListWithBreakoutRooms() {
    ObjectNode body = sessionList();
    ((ArrayNode) body.at("/data/sessions/0/breakout_rooms")).add(json(SESSION));
    assertThat(CONTRACT.validateResponse("GetSessions", 200, body)).isEmpty();
  }

  @Test
  void rejectsAMissingRequiredField() {
    ObjectNode body = sessionList();
    ((ObjectNode) body.at("/data/sessions/0")).remove("minutes_consumed");
    List<Violation> v = CONTRACT.validateResponse("GetSessions", 200, body);
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.pointer()).isEqualTo("/data/sessions/0");
      assertThat(x.keyword()).isEqualTo("required");
      assertThat(x.message()).contains("minutes_consumed");
    });
  }

  @Test
  void rejectsAValueOutsideTheEnum() {
    ObjectNode body = sessionList();
    ((ObjectNode) body.at("/data/sessions/0")).put("status", "RUNNING");
    assertThat(CONTRACT.validateResponse("GetSessions", 200, body)).singleElement().satisfies(x -> {
      assertThat(x.pointer()).isEqualTo("/data/sessions/0/status");
      assertThat(x.keyword()).isEqualTo("enum");
    });
  }

  @Test
  void followsTheRecursiveRefIntoBreakoutRooms() {
    ObjectNode body = sessionList();
    ObjectNode room = json(SESSION);
    room.put("live_participants", "2");
    room.put("type", "breakout");
    ((ArrayNode) body.at("/data/sessions/0/breakout_rooms")).add(room);
    assertThat(CONTRACT.validateResponse("GetSessions", 200, body))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactlyInAnyOrder(
            tuple("/data/sessions/0/breakout_rooms/0/live_participants", "type"),
            tuple("/data/sessions/0/breakout_rooms/0/type", "enum"));
  }

  @Test
  void rejectsWrongPagingTypes() {
    ObjectNode body = sessionList();
    ((ObjectNode) body.get("paging")).put("total_count", -1).put("end_offset", "1");
    assertThat(CONTRACT.validateResponse("GetSessions", 200, body))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactlyInAnyOrder(
            tuple("/paging/total_count", "minimum"),
            tuple("/paging/end_offset", "type"));
  }

  @Test
  void acceptsAConformingMeetingThroughAllOfAndRefs() {
    ObjectNode body = JSON.createObjectNode().put("success", true);
    body.set("data", json(MEETING));
    assertThat(CONTRACT.validateResponse("get_meeting", 200, body)).isEmpty();
    assertThat(CONTRACT.validateResponse("create_meeting", 201, body)).isEmpty();
  }

  @Test
  void checksUuidAndDateTimeFormats() {
    ObjectNode meeting = json(MEETING);
    meeting.put("id", "m1");
    meeting.put("created_at", "2025-03-04 10:00:00");
    meeting.put("updated_at", "2025-03-04T10:00:00.000");
    ObjectNode body = JSON.createObjectNode().put("success", true);
    body.set("data", meeting);
    assertThat(CONTRACT.validateResponse("get_meeting", 200, body))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactlyInAnyOrder(
            tuple("/data/id", "format"),
            tuple("/data/created_at", "format"),
            tuple("/data/updated_at", "format"));
  }

  @Test
  void appliesTheSchemaBoundsAndRequiredOfTheMeeting() {
    ObjectNode meeting = json(MEETING);
    meeting.put("session_keep_alive_time_in_secs", 30);
    meeting.remove("updated_at");
    ObjectNode body = JSON.createObjectNode();
    body.set("data", meeting);
    assertThat(CONTRACT.validateResponse("get_meeting", 200, body))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactlyInAnyOrder(
            tuple("", "required"),
            tuple("/data", "required"),
            tuple("/data/session_keep_alive_time_in_secs", "minimum"));
  }

  @Test
  void rejectsAMeetingListWithoutPagingOrWithAnObjectForData() {
    ObjectNode body = JSON.createObjectNode().put("success", true);
    body.set("data", JSON.createObjectNode());
    assertThat(CONTRACT.validateResponse("get_all_meetings", 200, body))
        .extracting(Violation::pointer, Violation::keyword)
        .contains(
            tuple("", "required"),
            tuple("/data", "type"));
  }

  @Test
  void validatesInlineSchemasOfTheAppsOperations() {
    JsonNode good = json("""
        {"success": true, "data": {"app": {"id": "14a396e7-ca44-4937-bf1f-050a69118543",
         "name": "my-new-app", "created_at": "2025-01-01T08:16:40.644Z"}}}""");
    assertThat(CONTRACT.validateResponse("create_app", 200, good)).isEmpty();
    JsonNode bad = json("""
        {"success": "yes", "data": {"app": {"id": "app-1", "name": 7, "created_at": "yesterday"}}}""");
    assertThat(CONTRACT.validateResponse("create_app", 200, bad))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactlyInAnyOrder(
            tuple("/success", "type"),
            tuple("/data/app/id", "format"),
            tuple("/data/app/name", "type"),
            tuple("/data/app/created_at", "format"));
    JsonNode badList = json("""
        {"success": true, "data": [{"id": "14a396e7-ca44-4937-bf1f-050a69118543x", "name": "a",
         "created_at": "2025-01-01T08:16:40.644Z"}], "paging": {"total_count": "1"}}""");
    assertThat(CONTRACT.validateResponse("get_apps", 200, badList))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactlyInAnyOrder(
            tuple("/data/0/id", "format"),
            tuple("/paging/total_count", "type"));
  }

  @Test
  void honoursNullableOnlyWhereDeclared() {
    String pointer = "/components/schemas/realtimekit_PeerEvent";
    JsonNode nullable = json("""
        {"id": "e1", "event_name": "PEER_JOINING", "session_id": null, "participant_id": null,
         "preset_view_type": null}""");
    assertThat(CONTRACT.validateAt(pointer, nullable)).isEmpty();
    JsonNode notNullable = json("""
        {"id": null, "event_name": "PEER_JOINING", "preset_view_type": "NOT_A_VIEW"}""");
    assertThat(CONTRACT.validateAt(pointer, notNullable))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactlyInAnyOrder(
            tuple("/id", "type"),
            tuple("/preset_view_type", "enum"));
  }

  @Test
  void rejectsWriteOnlyPropertiesInAResponse() {
    String pointer = "/components/schemas/realtimekit_StorageConfig";
    assertThat(CONTRACT.validateAt(pointer, json("{\"type\": \"aws\", \"bucket\": \"b\"}"))).isEmpty();
    assertThat(CONTRACT.validateAt(pointer, json("{\"type\": \"aws\", \"access_key\": \"AKIA\"}")))
        .extracting(Violation::pointer, Violation::keyword)
        .containsExactly(tuple("/access_key", "writeOnly"));
  }

  @Test
  void refusesUnknownOperationsAndUndeclaredStatuses() {
    assertThatThrownBy(() -> CONTRACT.responseSchema("NoSuchOperation", 200))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetSessions");
    assertThatThrownBy(() -> CONTRACT.responseSchema("create_meeting", 200))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[201]");
  }

  @Test
  void findsOperationsByIdOrByPathAndMatchesConcretePaths() {
    OpenApiContract.Operation op = CONTRACT.operation("get_meeting");
    assertThat(op.method()).isEqualTo("GET");
    assertThat(op.pathTemplate()).isEqualTo("/accounts/{account_id}/realtime/kit/{app_id}/meetings/{meeting_id}");
    assertThat(CONTRACT.operation("GET", op.pathTemplate()).operationId()).isEqualTo("get_meeting");
    assertThat(op.matchesPath("/accounts/a/realtime/kit/b/meetings/c")).isTrue();
    assertThat(op.matchesPath("/accounts/a/realtime/kit/b/meetings")).isFalse();
    assertThat(op.matchesPath("/accounts/a/realtime/kit/b/meetings/c/active-session")).isFalse();
    assertThat(CONTRACT.responseSchemaPointer(CONTRACT.operation("GetSessions"), 200))
        .isEqualTo("/components/responses/realtimekit_GetSessions/content/application~1json/schema");
  }

  private static ObjectNode sessionList() {
    return json("{\"success\": true, \"data\": {\"sessions\": [" + SESSION + "]},"
        + " \"paging\": {\"total_count\": 1, \"start_offset\": 1, \"end_offset\": 1}}");
  }

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
