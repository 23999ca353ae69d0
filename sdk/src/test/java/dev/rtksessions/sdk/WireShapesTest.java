package dev.rtksessions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.sdk.StubServer.Answer;
import dev.rtksessions.sdk.exception.InvalidResponseException;
import dev.rtksessions.sdk.exception.NotFoundException;
import dev.rtksessions.sdk.model.PeerEventName;
import dev.rtksessions.sdk.model.PeerParticipantDetails;
import dev.rtksessions.sdk.model.Session;
import dev.rtksessions.sdk.model.SessionGetSessionParticipantsResponse;
import dev.rtksessions.sdk.model.SessionGetSessionsResponse;
import dev.rtksessions.sdk.model.SessionParticipant;
import dev.rtksessions.sdk.model.SessionStatus;
import dev.rtksessions.sdk.model.SessionType;
import dev.rtksessions.sdk.param.ActiveSessionGetActiveSessionParams;
import dev.rtksessions.sdk.param.MeetingCreateParams;
import dev.rtksessions.sdk.param.SessionGenerateSummaryOfTranscriptsParams;
import dev.rtksessions.sdk.param.SessionGetParticipantDataFromPeerIdParams;
import dev.rtksessions.sdk.param.SessionGetSessionChatParams;
import dev.rtksessions.sdk.param.SessionGetSessionDetailsParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantDetailsParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantsParams;
import dev.rtksessions.sdk.param.SessionGetSessionSummaryParams;
import dev.rtksessions.sdk.param.SessionGetSessionTranscriptsParams;
import dev.rtksessions.sdk.param.SessionGetSessionsParams;
import dev.rtksessions.sdk.param.SortOrder;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What goes on the wire (paths, query strings, headers, bodies) and how the answers of every
 * endpoint are read, against a local stub answering with the shapes of the contract
 * (spec §4, reference §3), including endpoints the real service does not serve yet.
 */
class WireShapesTest {
  static final String ACC = "acc";
  static final String APP = "app-1";

  static RealtimeKitClient client(StubServer stub) {
    return RealtimeKitClient.builder().apiToken("secret-token").baseUrl(stub.baseUrl()).environment(Map.of())
        .maxRetries(0).timeout(Duration.ofSeconds(5)).build();
  }

  static String session(String id, String status, String extra) {
    return "{\"id\":\"" + id + "\",\"associated_id\":\"m-1\",\"meeting_display_name\":\"Weekly\","
        + "\"organization_id\":\"" + APP + "\",\"type\":\"meeting\",\"status\":\"" + status + "\","
        + "\"live_participants\":1,\"max_concurrent_participants\":2,\"minutes_consumed\":2.3434,"
        + "\"created_at\":\"2025-03-04T10:15:30.123Z\",\"started_at\":\"2025-03-04T10:15:30.133Z\","
        + "\"updated_at\":\"2025-03-04T10:20:00.000Z\"" + extra + "}";
  }

  static final String PARTICIPANT = "{\"id\":\"peer-1\",\"user_id\":\"u-1\",\"custom_participant_id\":\"alice\","
      + "\"display_name\":\"Alice\",\"preset_name\":\"host\",\"joined_at\":\"2025-03-04T10:15:30.123Z\","
      + "\"duration\":5.8097,\"created_at\":\"2025-03-04T10:15:30.123Z\",\"updated_at\":\"2025-03-04T10:21:00.000Z\","
      + "\"peer_events\":[{\"id\":\"ev-1\",\"peer_id\":\"peer-1\",\"event_name\":\"PEER_JOINING\",\"minutes_consumed\":0,"
      + "\"participant_id\":\"peer-1\",\"session_id\":\"s-1\",\"socket_session_id\":null,\"preset_view_type\":\"GROUP_CALL\","
      + "\"created_at\":\"2025-03-04T10:15:30.123Z\",\"updated_at\":\"2025-03-04T10:15:30.123Z\"}]}";

  @Test
  void listSessionsQueryIsWrittenLikeTheOfficialSdk() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(200, RetriesAndFailuresTest.EMPTY_PAGE))) {
      client(stub).realtimeKit().sessions().getSessions(APP, SessionGetSessionsParams.builder().accountId(ACC)
          .pageNo(2).perPage(10)
          .sortBy(SessionGetSessionsParams.SortBy.MINUTES_CONSUMED).sortOrder(SortOrder.ASC)
          .startTime(Instant.parse("2025-03-04T10:00:00Z")).endTime(Instant.parse("2025-03-05T23:59:59.5Z"))
          .participants("2:5").status(SessionGetSessionsParams.Status.LIVE)
          .search("Design review/α&x=1").associatedId("m-1").build());
      StubServer.Received r = stub.received().get(0);
      assertThat(r.method()).isEqualTo("GET");
      assertThat(r.rawPathAndQuery()).isEqualTo("/client/v4/accounts/acc/realtime/kit/app-1/sessions"
          + "?page_no=2&per_page=10&sort_by=minutesConsumed&sort_order=ASC"
          + "&start_time=2025-03-04T10%3A00%3A00.000Z&end_time=2025-03-05T23%3A59%3A59.500Z"
          + "&participants=2%3A5&status=LIVE&search=Design%20review%2F%CE%B1%26x%3D1&associated_id=m-1");
      assertThat(r.header("Authorization")).isEqualTo("Bearer secret-token");
      assertThat(r.header("Accept")).isEqualTo("application/json");
      assertThat(r.header("Content-Type")).isNull();
    }
  }

  @Test
  void enumValuesTheSdkDoesNotKnowAreSentAsGiven() throws IOException {
    try (StubServer stub = new StubServer(request -> Answer.json(200, request.method().equals("GET")
        ? RetriesAndFailuresTest.EMPTY_PAGE
        : "{\"success\":true,\"data\":{\"id\":\"m-1\"}}"))) {
      RealtimeKitClient client = client(stub);
      client.realtimeKit().sessions().getSessions(APP, SessionGetSessionsParams.builder().accountId(ACC)
          .sortBy(SessionGetSessionsParams.SortBy.of("peakParticipants")).sortOrder(SortOrder.of("RANDOM"))
          .status(SessionGetSessionsParams.Status.of("SOMETHING_NEW")).build());
      client.realtimeKit().sessions().getSessionParticipants("s-1", SessionGetSessionParticipantsParams.builder()
          .accountId(ACC).appId(APP).sortBy(SessionGetSessionParticipantsParams.SortBy.of("name"))
          .view(SessionGetSessionParticipantsParams.View.of("merged")).build());
      client.realtimeKit().meetings().create(APP, MeetingCreateParams.builder().accountId(ACC)
          .status(MeetingCreateParams.Status.of("ARCHIVED")).build());
      assertThat(stub.received()).extracting(StubServer.Received::rawPathAndQuery).containsExactly(
          "/client/v4/accounts/acc/realtime/kit/app-1/sessions?sort_by=peakParticipants&sort_order=RANDOM"
              + "&status=SOMETHING_NEW",
          "/client/v4/accounts/acc/realtime/kit/app-1/sessions/s-1/participants?sort_by=name&view=merged",
          "/client/v4/accounts/acc/realtime/kit/app-1/meetings");
      assertThat(stub.received().get(2).body()).isEqualTo("{\"status\":\"ARCHIVED\"}");
    }
    // Spelled out, a known value is that value.
    assertThat(SessionGetSessionsParams.Status.of("LIVE")).isEqualTo(SessionGetSessionsParams.Status.LIVE)
        .hasToString("LIVE").isNotEqualTo(MeetingCreateParams.Status.of("LIVE"));
    assertThat(SessionGetSessionTranscriptsParams.builder().accountId(ACC).appId(APP)
        .format(SessionGetSessionTranscriptsParams.Format.of("TXT")).build().queryParams())
        .containsExactly(Map.entry("format", "TXT"));
    assertThat(SessionGetParticipantDataFromPeerIdParams.builder().accountId(ACC).appId(APP)
        .filters(SessionGetParticipantDataFromPeerIdParams.Filters.of("audio_stats")).build().queryParams())
        .containsExactly(Map.entry("filters", "audio_stats"));
    assertThatThrownBy(() -> SortOrder.of("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void idsAreEncodedAsOnePathSegment() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(200, "{\"success\":true,\"data\":" + session("s", "ENDED", "") + "}"))) {
      client(stub).realtimeKit().sessions().getSessionDetails("a/b c:d",
          SessionGetSessionDetailsParams.builder().accountId(ACC).appId(APP).build());
      assertThat(stub.received().get(0).rawPathAndQuery())
          .isEqualTo("/client/v4/accounts/acc/realtime/kit/app-1/sessions/a%2Fb%20c%3Ad");
      assertThatThrownBy(() -> client(stub).realtimeKit().sessions().getSessionDetails(" ",
          SessionGetSessionDetailsParams.builder().accountId(ACC).appId(APP).build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sessionId");
      assertThatThrownBy(() -> SessionGetSessionDetailsParams.builder().accountId(ACC).build())
          .isInstanceOf(IllegalStateException.class).hasMessage("appId is required but was not set");
    }
  }

  @Test
  void unknownFieldsAndValuesStayReadable() throws IOException {
    String body = "{\"success\":true,\"api_generation\":3,\"data\":{\"sessions\":["
        + session("s-1", "PAUSED", ",\"type\":\"webinar\",\"recording\":{\"state\":\"on\"},\"ended_at\":null") + "],"
        + "\"cursor\":\"abc\"},\"paging\":{\"total_count\":1,\"start_offset\":1,\"end_offset\":1,\"next\":null}}";
    try (StubServer stub = new StubServer(Answer.json(200, body))) {
      SessionGetSessionsResponse page = client(stub).realtimeKit().sessions().getSessions(APP,
          SessionGetSessionsParams.builder().accountId(ACC).build());
      Session s = page.sessions().get(0);
      assertThat(s.status()).isEqualTo(SessionStatus.UNKNOWN);
      assertThat(s.type()).isEqualTo(SessionType.UNKNOWN);
      assertThat(s.raw().get("status").asText()).isEqualTo("PAUSED");
      assertThat(s.raw().get("recording").get("state").asText()).isEqualTo("on");
      assertThat(s.endedAt()).isEmpty();
      assertThat(s.minutesConsumed()).isEqualTo(new BigDecimal("2.3434"));
      assertThat(page.raw().get("api_generation").asInt()).isEqualTo(3);
      assertThat(page.raw().get("data").get("cursor").asText()).isEqualTo("abc");
      assertThat(page.paging().totalCount()).isEqualTo(1);
      assertThat(page.toString()).contains("\"recording\"");
    }
  }

  @Test
  void aMissingOrMalformedFieldFailsOnlyItsAccessor() throws IOException {
    String body = "{\"success\":true,\"data\":{\"sessions\":[{\"id\":\"s-1\",\"status\":\"LIVE\","
        + "\"created_at\":\"yesterday\",\"live_participants\":\"two\"}]},"
        + "\"paging\":{\"total_count\":1,\"start_offset\":1,\"end_offset\":1}}";
    try (StubServer stub = new StubServer(Answer.json(200, body))) {
      Session s = client(stub).realtimeKit().sessions().getSessions(APP,
          SessionGetSessionsParams.builder().accountId(ACC).build()).sessions().get(0);
      assertThat(s.id()).isEqualTo("s-1");
      assertThat(s.status()).isEqualTo(SessionStatus.LIVE);
      assertThat(catchThrowableOfType(InvalidResponseException.class, s::associatedId))
          .hasMessageStartingWith("session.associated_id is missing");
      assertThat(catchThrowableOfType(InvalidResponseException.class, s::createdAt))
          .hasMessageStartingWith("session.created_at must be an ISO-8601 timestamp, got \"yesterday\"");
      assertThat(catchThrowableOfType(InvalidResponseException.class, s::liveParticipants))
          .hasMessageStartingWith("session.live_participants must be an integer");
      assertThat(s.breakoutRooms()).isEmpty();
    }
  }

  @Test
  void modelsAreReadOnceAndCannotBeChangedThroughRaw() throws IOException {
    String body = "{\"success\":true,\"data\":{\"sessions\":[" + session("s-1", "ENDED",
        ",\"meta\":{\"room\":\"blue\"},\"breakout_rooms\":[" + session("s-2", "ENDED", "") + "]") + "]},"
        + "\"paging\":{\"total_count\":1,\"start_offset\":1,\"end_offset\":1}}";
    try (StubServer stub = new StubServer(Answer.json(200, body))) {
      SessionGetSessionsResponse page = client(stub).realtimeKit().sessions().getSessions(APP,
          SessionGetSessionsParams.builder().accountId(ACC).build());
      // Read once when the answer arrived: every call hands out the same objects.
      assertThat(page.sessions()).isSameAs(page.sessions()).isSameAs(page.items());
      assertThat(page.paging()).isSameAs(page.paging());
      Session s = page.sessions().get(0);
      assertThat(s.breakoutRooms()).isSameAs(s.breakoutRooms());
      assertThat(s.minutesConsumed()).isSameAs(s.minutesConsumed());
      assertThat(page.hasNextPage()).isFalse();

      // raw() and meta() are copies: changing them changes nothing the model says.
      ((ObjectNode) s.raw()).put("id", "changed").remove("meta");
      ((ObjectNode) page.raw().get("data").get("sessions").get(0)).put("id", "changed");
      ((ObjectNode) s.meta().orElseThrow()).put("room", "red");
      assertThat(s.raw().get("id").asText()).isEqualTo("s-1");
      assertThat(s.meta().orElseThrow().get("room").asText()).isEqualTo("blue");
      assertThat(page.raw().get("data").get("sessions").get(0).get("id").asText()).isEqualTo("s-1");
      assertThatThrownBy(() -> s.breakoutRooms().add(s)).isInstanceOf(UnsupportedOperationException.class);

      // A model built from a caller's tree keeps what the tree held then.
      ObjectNode mine = (ObjectNode) page.raw().get("data").get("sessions").get(0);
      Session copy = Session.fromJson(mine);
      mine.put("id", "changed");
      assertThat(copy.id()).isEqualTo("s-1");
      assertThat(copy.raw().get("id").asText()).isEqualTo("s-1");
      assertThat(copy).isEqualTo(s);
    }
  }

  @Test
  void theAutoPagerStopsAtTheTotalWithoutAskingForMore() throws IOException {
    // Five sessions, two per page; a page past the end is empty, as the real service answers.
    try (StubServer stub = new StubServer(request -> {
      Matcher m = Pattern.compile("page_no=(\\d+)").matcher(request.rawPathAndQuery());
      int page = m.find() ? Integer.parseInt(m.group(1)) : 1;
      List<String> sessions = IntStream.rangeClosed(2 * page - 1, Math.min(5, 2 * page))
          .mapToObj(i -> session("s-" + i, "ENDED", "")).collect(Collectors.toList());
      long start = sessions.isEmpty() ? 0 : 2L * page - 1;
      long end = sessions.isEmpty() ? 0 : start + sessions.size() - 1;
      return Answer.json(200, "{\"success\":true,\"data\":{\"sessions\":[" + String.join(",", sessions) + "]},"
          + "\"paging\":{\"total_count\":5,\"start_offset\":" + start + ",\"end_offset\":" + end + "}}");
    })) {
      SessionGetSessionsResponse first = client(stub).realtimeKit().sessions().getSessions(APP,
          SessionGetSessionsParams.builder().accountId(ACC).perPage(2).status(SessionGetSessionsParams.Status.ENDED).build());
      List<String> ids = first.autoPager().stream().map(Session::id).collect(Collectors.toList());
      assertThat(ids).containsExactly("s-1", "s-2", "s-3", "s-4", "s-5");
      assertThat(stub.received()).extracting(StubServer.Received::rawPathAndQuery).containsExactly(
          "/client/v4/accounts/acc/realtime/kit/app-1/sessions?per_page=2&status=ENDED",
          "/client/v4/accounts/acc/realtime/kit/app-1/sessions?page_no=2&per_page=2&status=ENDED",
          "/client/v4/accounts/acc/realtime/kit/app-1/sessions?page_no=3&per_page=2&status=ENDED");
      // Iterating again starts over from the first page, which is already at hand.
      assertThat(first.autoPager()).hasSize(5);
      assertThat(stub.received()).hasSize(5);
    }
  }

  @Test
  void withoutPagingFiguresTheAutoPagerStopsAtAnEmptyPage() throws IOException {
    try (StubServer stub = new StubServer(request -> Answer.json(200, request.rawPathAndQuery().contains("page_no=")
        ? "{\"success\":true,\"data\":{\"participants\":[]}}"
        : "{\"success\":true,\"data\":{\"participants\":[" + PARTICIPANT + "]}}"))) {
      SessionGetSessionParticipantsResponse first = client(stub).realtimeKit().sessions().getSessionParticipants("s-1",
          SessionGetSessionParticipantsParams.builder().accountId(ACC).appId(APP).build());
      assertThat(catchThrowableOfType(InvalidResponseException.class, first::paging))
          .hasMessageContaining("no paging figures");
      assertThat(first.autoPager().stream().map(SessionParticipant::id)).containsExactly("peer-1");
      assertThat(stub.received()).hasSize(2);
      assertThat(stub.received().get(1).rawPathAndQuery()).endsWith("/sessions/s-1/participants?page_no=2");
    }
  }

  @Test
  void sessionDetailsInEitherShape() throws IOException {
    String flat = "{\"success\":true,\"data\":" + session("s-1", "ENDED",
        ",\"ended_at\":\"2025-03-04T11:00:00.000Z\",\"breakout_rooms\":[" + session("s-2", "ENDED", ",\"breakout_rooms\":[]") + "]") + "}";
    String wrapped = "{\"success\":true,\"data\":{\"session\":" + session("s-1", "ENDED", "") + "}}";
    try (StubServer stub = new StubServer(Answer.json(200, flat), Answer.json(200, wrapped))) {
      SessionGetSessionDetailsParams params = SessionGetSessionDetailsParams.builder().accountId(ACC).appId(APP)
          .includeBreakoutRooms(true).build();
      Session s = client(stub).realtimeKit().sessions().getSessionDetails("s-1", params).session();
      assertThat(stub.received().get(0).rawPathAndQuery())
          .isEqualTo("/client/v4/accounts/acc/realtime/kit/app-1/sessions/s-1?include_breakout_rooms=true");
      assertThat(s.endedAt()).contains(Instant.parse("2025-03-04T11:00:00Z"));
      assertThat(s.breakoutRooms()).extracting(Session::id).containsExactly("s-2");
      assertThat(s.startedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:30.133Z"));
      assertThat(client(stub).realtimeKit().sessions().getSessionDetails("s-1", params).session().id())
          .isEqualTo("s-1");
    }
  }

  @Test
  void participantsWithPagingInsideData() throws IOException {
    String body = "{\"success\":true,\"data\":{\"participants\":[" + PARTICIPANT + "],"
        + "\"paging\":{\"total_count\":123,\"start_offset\":1,\"end_offset\":1}}}";
    try (StubServer stub = new StubServer(Answer.json(200, body))) {
      SessionGetSessionParticipantsResponse page = client(stub).realtimeKit().sessions().getSessionParticipants("s-1",
          SessionGetSessionParticipantsParams.builder().accountId(ACC).appId(APP).pageNo(1).perPage(1)
              .sortBy(SessionGetSessionParticipantsParams.SortBy.DURATION).sortOrder(SortOrder.DESC)
              .search("ali").includePeerEvents(true).view(SessionGetSessionParticipantsParams.View.CONSOLIDATED)
              .build());
      assertThat(stub.received().get(0).rawPathAndQuery()).isEqualTo(
          "/client/v4/accounts/acc/realtime/kit/app-1/sessions/s-1/participants?page_no=1&per_page=1"
              + "&sort_by=duration&sort_order=DESC&search=ali&include_peer_events=true&view=consolidated");
      assertThat(page.paging().totalCount()).isEqualTo(123);
      assertThat(page.hasNextPage()).isTrue();
      SessionParticipant p = page.participants().get(0);
      assertThat(p.id()).isEqualTo("peer-1");
      assertThat(p.userId()).contains("u-1");
      assertThat(p.customParticipantId()).contains("alice");
      assertThat(p.displayName()).contains("Alice");
      assertThat(p.presetName()).contains("host");
      assertThat(p.joinedAt()).isEqualTo(Instant.parse("2025-03-04T10:15:30.123Z"));
      assertThat(p.leftAt()).isEmpty();
      assertThat(p.duration()).isEqualByComparingTo("5.8097");
      assertThat(p.peerEvents()).hasSize(1);
      assertThat(p.peerEvents().get(0).eventName()).isEqualTo(PeerEventName.PEER_JOINING);
      assertThat(p.peerEvents().get(0).socketSessionId()).isEmpty();
      assertThat(p.peerEvents().get(0).presetViewType()).contains("GROUP_CALL");
      assertThat(p.peerEvents().get(0).minutesConsumed()).contains(BigDecimal.ZERO);
    }
  }

  @Test
  void participantDetailsAndPeerReport() throws IOException {
    String details = "{\"success\":true,\"data\":{\"participant\":" + PARTICIPANT + "}}";
    String report = "{\"success\":true,\"data\":{\"participant\":{\"id\":\"peer-1\",\"session_id\":\"s-1\","
        + "\"display_name\":\"Alice\",\"role\":\"host\",\"duration\":1.5,\"joined_at\":\"2025-03-04T10:00:00Z\","
        + "\"left_at\":\"2025-03-04T10:01:30+00:00\",\"created_at\":\"2025-03-04T10:00:00Z\",\"updated_at\":\"2025-03-04T10:01:30Z\","
        + "\"peer_report\":{\"metadata\":{\"sdk_name\":\"web\"},\"quality\":{}}}}}";
    try (StubServer stub = new StubServer(request -> Answer.json(200,
        request.rawPathAndQuery().contains("peer-report") ? report : details))) {
      RealtimeKitClient client = client(stub);
      SessionParticipant p = client.realtimeKit().sessions().getSessionParticipantDetails("peer-1",
          SessionGetSessionParticipantDetailsParams.builder().accountId(ACC).appId(APP).sessionId("s-1")
              .includePeerEvents(false).build()).participant();
      assertThat(p.displayName()).contains("Alice");
      PeerParticipantDetails d = client.realtimeKit().sessions().getParticipantDataFromPeerId("peer-1",
          SessionGetParticipantDataFromPeerIdParams.builder().accountId(ACC).appId(APP)
              .filters(SessionGetParticipantDataFromPeerIdParams.Filters.DEVICE_INFO).includePeerEvents(true).build())
          .participant();
      assertThat(stub.received()).extracting(StubServer.Received::rawPathAndQuery).containsExactly(
          "/client/v4/accounts/acc/realtime/kit/app-1/sessions/s-1/participants/peer-1?include_peer_events=false",
          "/client/v4/accounts/acc/realtime/kit/app-1/sessions/peer-report/peer-1?filters=device_info&include_peer_events=true");
      assertThat(d.sessionId()).isEqualTo("s-1");
      assertThat(d.role()).contains("host");
      assertThat(d.leftAt()).contains(Instant.parse("2025-03-04T10:01:30Z"));
      assertThat(d.peerReportMetadata().orElseThrow().get("sdk_name").asText()).isEqualTo("web");
      assertThat(d.peerReportQuality().orElseThrow().isEmpty()).isTrue();
      assertThat(d.peerEvents()).isEmpty();
    }
  }

  @Test
  void artifactsWithTheirMixedCasing() throws IOException {
    try (StubServer stub = new StubServer(request -> {
      String path = request.rawPathAndQuery();
      if (path.contains("/chat")) {
        return Answer.json(200, "{\"success\":true,\"data\":{\"chat_download_url\":\"https://x/chat.csv\","
            + "\"chat_download_url_expiry\":\"2025-03-05T10:00:00.000Z\"}}");
      } else if (path.contains("/transcript")) {
        return Answer.json(200, "{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"transcript_download_url\":"
            + "\"https://x/t.vtt\",\"transcript_download_url_expiry\":\"2025-03-05T10:00:00.000Z\"}}");
      } else if (request.method().equals("POST")) {
        return Answer.json(200, "{\"success\":true,\"data\":{\"session_id\":\"s-1\",\"status\":\"QUEUED\"}}");
      }
      return Answer.json(200, "{\"success\":true,\"data\":{\"sessionId\":\"s-1\",\"summaryDownloadUrl\":"
          + "\"https://x/s.txt\",\"summaryDownloadUrlExpiry\":\"2025-03-05T10:00:00.000Z\"}}");
    })) {
      SessionService sessions = client(stub).realtimeKit().sessions();
      Instant expiry = Instant.parse("2025-03-05T10:00:00Z");
      var chat = sessions.getSessionChat("s-1", SessionGetSessionChatParams.builder().accountId(ACC).appId(APP).build());
      assertThat(chat.chatDownloadUrl()).isEqualTo("https://x/chat.csv");
      assertThat(chat.chatDownloadUrlExpiry()).isEqualTo(expiry);
      var transcript = sessions.getSessionTranscripts("s-1", SessionGetSessionTranscriptsParams.builder()
          .accountId(ACC).appId(APP).format(SessionGetSessionTranscriptsParams.Format.VTT).build());
      assertThat(transcript.sessionId()).isEqualTo("s-1");
      assertThat(transcript.transcriptDownloadUrl()).isEqualTo("https://x/t.vtt");
      assertThat(transcript.transcriptDownloadUrlExpiry()).isEqualTo(expiry);
      var summary = sessions.getSessionSummary("s-1", SessionGetSessionSummaryParams.builder().accountId(ACC).appId(APP).build());
      assertThat(summary.summaryDownloadUrl()).isEqualTo("https://x/s.txt");
      assertThat(summary.summaryDownloadUrlExpiry()).isEqualTo(expiry);
      var generated = sessions.generateSummaryOfTranscripts("s-1",
          SessionGenerateSummaryOfTranscriptsParams.builder().accountId(ACC).appId(APP).build());
      assertThat(generated.sessionId()).isEqualTo("s-1");
      assertThat(generated.status()).isEqualTo("QUEUED");
      assertThat(stub.received()).extracting(r -> r.method() + " " + r.rawPathAndQuery()).containsExactly(
          "GET /client/v4/accounts/acc/realtime/kit/app-1/sessions/s-1/chat",
          "GET /client/v4/accounts/acc/realtime/kit/app-1/sessions/s-1/transcript?format=VTT",
          "GET /client/v4/accounts/acc/realtime/kit/app-1/sessions/s-1/summary",
          "POST /client/v4/accounts/acc/realtime/kit/app-1/sessions/s-1/summary");
      assertThat(stub.received().get(3).body()).isEmpty();
    }
  }

  @Test
  void activeSessionOrNotFound() throws IOException {
    try (StubServer stub = new StubServer(request -> request.rawPathAndQuery().contains("/m-1/")
        ? Answer.json(200, "{\"success\":true,\"data\":" + session("s-1", "LIVE", ",\"ended_at\":\"null\"") + "}")
        : Answer.json(404, "{\"success\":false,\"error\":{\"code\":404,\"message\":\"No active session found for meeting_id m-2\"}}"))) {
      ActiveSessionService active = client(stub).realtimeKit().activeSession();
      ActiveSessionGetActiveSessionParams params = ActiveSessionGetActiveSessionParams.builder().accountId(ACC).appId(APP).build();
      Session s = active.getActiveSession("m-1", params).session();
      assertThat(s.status()).isEqualTo(SessionStatus.LIVE);
      // Cloudflare's published example writes the missing end as the string "null".
      assertThat(s.endedAt()).isEmpty();
      NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> active.getActiveSession("m-2", params));
      assertThat(e.errorMessage()).hasValue("No active session found for meeting_id m-2");
      assertThat(stub.received().get(0).rawPathAndQuery())
          .isEqualTo("/client/v4/accounts/acc/realtime/kit/app-1/meetings/m-1/active-session");
    }
  }

  @Test
  void theEnvironmentSuppliesTokenAndBaseUrlUnlessTheBuilderDoes() throws IOException {
    try (StubServer stub = new StubServer(Answer.json(200, RetriesAndFailuresTest.EMPTY_PAGE))) {
      Map<String, String> env = Map.of("CLOUDFLARE_API_TOKEN", "env-token", "CLOUDFLARE_BASE_URL", stub.baseUrl() + "/");
      RealtimeKitClient fromEnv = RealtimeKitClient.builder().environment(env).build();
      assertThat(fromEnv.baseUrl()).isEqualTo(stub.baseUrl());
      fromEnv.realtimeKit().sessions().getSessions(APP, SessionGetSessionsParams.builder().accountId(ACC).build());
      RealtimeKitClient.builder().environment(env).apiToken("explicit").build().realtimeKit().sessions()
          .getSessions(APP, SessionGetSessionsParams.builder().accountId(ACC).build());
      assertThat(stub.received()).extracting(r -> r.header("Authorization"))
          .containsExactly("Bearer env-token", "Bearer explicit");
    }
    RealtimeKitClient defaults = RealtimeKitClient.builder().apiToken("t").environment(Map.of()).build();
    assertThat(defaults.baseUrl()).isEqualTo("https://api.cloudflare.com/client/v4");
    assertThat(defaults.maxRetries()).isEqualTo(2);
    assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(RealtimeKitClient.builder().apiToken("t").baseUrl("http://h:1/x")
        .environment(Map.of("CLOUDFLARE_BASE_URL", "http://other/")).build().baseUrl()).isEqualTo("http://h:1/x");
    assertThatThrownBy(() -> RealtimeKitClient.builder().environment(Map.of("CLOUDFLARE_API_TOKEN", " ")).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CLOUDFLARE_API_TOKEN");
    assertThatThrownBy(() -> RealtimeKitClient.builder().apiToken("t").baseUrl("localhost:8080").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
    assertThatThrownBy(() -> RealtimeKitClient.builder().maxRetries(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void paramsExposeWhatTheySend() {
    SessionGetSessionsParams p = SessionGetSessionsParams.builder().accountId(ACC).search("x").build();
    assertThat(p.queryParams()).containsExactly(Map.entry("search", "x"));
    SessionGetSessionsParams q = p.toBuilder().search(null).sortOrder(SortOrder.DESC).build();
    assertThat(q.queryParams()).containsExactly(Map.entry("sort_order", "DESC"));
    assertThat(p.search()).contains("x");
    // The wire order is the API's, whatever the order of the setter calls.
    SessionGetSessionsParams backwards = SessionGetSessionsParams.builder().associatedId("m-1").search("x")
        .status(SessionGetSessionsParams.Status.ENDED).sortOrder(SortOrder.ASC).perPage(5).accountId(ACC).build();
    assertThat(String.join("&", backwards.queryParams().keySet()))
        .isEqualTo("per_page&sort_order&status&search&associated_id");
    JsonNode body = MeetingCreateParams.builder().accountId(ACC).title("T")
        .persistChat(true).build().body();
    assertThat(body.toString()).isEqualTo("{\"title\":\"T\",\"persist_chat\":true}");
  }
}
