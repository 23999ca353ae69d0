package dev.rtksessions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rtksessions.sdk.exception.ApiException;
import dev.rtksessions.sdk.exception.BadRequestException;
import dev.rtksessions.sdk.exception.NotFoundException;
import dev.rtksessions.sdk.model.PeerEvent;
import dev.rtksessions.sdk.model.PeerEventName;
import dev.rtksessions.sdk.model.PeerParticipantDetails;
import dev.rtksessions.sdk.model.Session;
import dev.rtksessions.sdk.model.SessionGetSessionParticipantsResponse;
import dev.rtksessions.sdk.model.SessionParticipant;
import dev.rtksessions.sdk.model.SessionStatus;
import dev.rtksessions.sdk.param.ActiveSessionGetActiveSessionParams;
import dev.rtksessions.sdk.param.SessionGetParticipantDataFromPeerIdParams;
import dev.rtksessions.sdk.param.SessionGetSessionDetailsParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantDetailsParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantsParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantsParams.SortBy;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantsParams.View;
import dev.rtksessions.sdk.param.SortOrder;
import dev.rtksessions.sdk.exception.NotFoundException;
import dev.rtksessions.sdk.model.SessionGenerateSummaryOfTranscriptsResponse;
import dev.rtksessions.sdk.model.SessionGetSessionSummaryResponse;
import dev.rtksessions.sdk.model.SessionGetSessionTranscriptsResponse;
import dev.rtksessions.sdk.param.SessionGenerateSummaryOfTranscriptsParams;
import dev.rtksessions.sdk.param.SessionGetSessionChatParams;
import dev.rtksessions.sdk.param.SessionGetSessionSummaryParams;
import dev.rtksessions.sdk.param.SessionGetSessionTranscriptsParams;
import dev.rtksessions.testing.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rest of the sessions family through the SDK against the real service: one session,
 * participants, participant details, peer reports and the active session. Once per store.
 */
abstract class SessionFamilyAgainstServerTest extends PerStoreTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");
  RealtimeKitClient client;
  SessionService sessions;
  String app;

  /**
   * Meeting "main" (session "s-main"): alice 0-600 s, bob on two devices 60-300 s and 120 s
   * on, carol 30-90 s; its breakout "room" (session "s-room"): alice 200-500 s, dave 210-260 s.
   * Read at 720 s, with bob's laptop still present.
   */
  @BeforeAll
  void feedHistory() {
    client = RealtimeKitClient.builder().apiToken(t.adminToken).baseUrl(t.service.baseUrl()).environment(Map.of())
        .build();
    sessions = client.realtimeKit().sessions();
    app = t.newApp();
    Events ev = new Events(BASE)
        .join("main", "alice-1", 0).with("session_id", "s-main").with("meeting_title", "Planning")
        .with("custom_participant_id", "alice").with("display_name", "Alice").with("user_id", "u-alice")
        .with("preset_name", "host")
        .join("main", "carol-1", 30).with("custom_participant_id", "carol").with("display_name", "Carol")
        .join("main", "bob-phone", 60).with("custom_participant_id", "bob").with("display_name", "Bob (phone)")
        .leave("main", "carol-1", 90)
        .join("main", "bob-laptop", 120).with("custom_participant_id", "bob").with("display_name", "Bob")
        .join("room", "alice-2", 200).with("session_id", "s-room").with("parent_meeting_id", "main")
        .with("custom_participant_id", "alice").with("display_name", "Alice")
        .join("room", "dave-1", 210).with("custom_participant_id", "dave").with("display_name", "Dave")
        .leave("room", "dave-1", 260)
        .leave("main", "bob-phone", 300)
        .leave("room", "alice-2", 500)
        .leave("main", "alice-1", 600);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(720));
  }

  SessionGetSessionParticipantsParams.Builder participantsOf() {
    return SessionGetSessionParticipantsParams.builder().accountId(t.accountId).appId(app);
  }

  static List<String> ids(List<SessionParticipant> rows) {
    return rows.stream().map(SessionParticipant::id).collect(Collectors.toList());
  }

  @Test
  void chatTranscriptAndSummaryThroughSignedLinks() throws Exception {
    SessionGetSessionChatParams chat = SessionGetSessionChatParams.builder().accountId(t.accountId).appId(app)
        .build();
    NotFoundException none = catchThrowableOfType(NotFoundException.class,
        () -> sessions.getSessionChat("s-room", chat));
    assertThat(none.statusCode()).isEqualTo(404);

    String transcript = "Alice: We agreed to ship the quarterly release on Friday after the final review.\n"
        + "Dave: Sounds good.\n";
    ApiClient.Response upload = t.client.put(t.appPath(app) + "/sessions/s-room/artifacts/transcript", t.adminToken,
        transcript.getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(upload.status()).isBetween(200, 201);

    SessionGetSessionTranscriptsResponse tr = sessions.getSessionTranscripts("s-room",
        SessionGetSessionTranscriptsParams.builder().accountId(t.accountId).appId(app).build());
    assertThat(tr.sessionId()).isEqualTo("s-room");
    assertThat(tr.transcriptDownloadUrlExpiry()).isEqualTo(BASE.plusSeconds(720).plus(Duration.ofHours(24)));
    HttpResponse<String> file = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(tr.transcriptDownloadUrl())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(file.body()).isEqualTo(transcript);

    SessionGenerateSummaryOfTranscriptsResponse generated = sessions.generateSummaryOfTranscripts("s-room",
        SessionGenerateSummaryOfTranscriptsParams.builder().accountId(t.accountId).appId(app).build());
    assertThat(generated.sessionId()).isEqualTo("s-room");
    assertThat(generated.status()).isEqualTo("COMPLETED");
    SessionGetSessionSummaryResponse summary = sessions.getSessionSummary("s-room",
        SessionGetSessionSummaryParams.builder().accountId(t.accountId).appId(app).build());
    HttpResponse<String> text = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(summary.summaryDownloadUrl())).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(text.body()).contains("Alice").contains("quarterly release");
  }

  /**
   * Chat and summary take the account and the app (Cloudflare's params for them hold nothing
   * else); both go in the path, and a call's extra query parameters reach the server too.
   */
  @Test
  void chatAndSummarySendEveryParameter() throws Exception {
    String chat = "time,name,message\n2025-03-04T10:03:30Z,Alice,hello\n";
    assertThat(t.client.put(t.appPath(app) + "/sessions/s-main/artifacts/chat", t.adminToken,
        chat.getBytes(StandardCharsets.UTF_8), "text/csv").status()).isBetween(200, 201);
    String summaryText = "Planning: the release ships Friday.\n";
    assertThat(t.client.put(t.appPath(app) + "/sessions/s-main/artifacts/summary", t.adminToken,
        summaryText.getBytes(StandardCharsets.UTF_8), "text/plain").status()).isBetween(200, 201);
    RequestOptions probe = RequestOptions.builder().putQueryParam("probe", "1").build();

    SessionGetSessionChatParams chatParams = SessionGetSessionChatParams.builder().accountId(t.accountId).appId(app)
        .build();
    assertThat(download(sessions.getSessionChat("s-main", chatParams, probe).chatDownloadUrl())).isEqualTo(chat);
    SessionGetSessionSummaryParams summaryParams = SessionGetSessionSummaryParams.builder().accountId(t.accountId)
        .appId(app).build();
    SessionGetSessionSummaryResponse summary = sessions.getSessionSummary("s-main", summaryParams, probe);
    assertThat(summary.sessionId()).isEqualTo("s-main");
    assertThat(download(summary.summaryDownloadUrl())).isEqualTo(summaryText);

    // The app and the account are the params' own: another of either is another path.
    String otherApp = t.newApp();
    NotFoundException notInApp = catchThrowableOfType(NotFoundException.class,
        () -> sessions.getSessionChat("s-main", chatParams.toBuilder().appId(otherApp).build()));
    assertThat(notInApp.errorMessage()).hasValue("session s-main not found in app " + otherApp);
    assertThat(notInApp.url()).contains("/accounts/" + t.accountId + "/realtime/kit/" + otherApp + "/sessions/s-main/chat");
    ApiException otherAccount = catchThrowableOfType(ApiException.class,
        () -> sessions.getSessionSummary("s-main", summaryParams.toBuilder().accountId("no-such-account").build()));
    assertThat(otherAccount.url()).contains("/accounts/no-such-account/realtime/kit/" + app + "/sessions/s-main/summary");
    assertThat(otherAccount.statusCode()).isIn(403, 404);
  }

  static String download(String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  @Test
  void sessionDetailsWithAndWithoutBreakoutRooms() {
    SessionGetSessionDetailsParams params = SessionGetSessionDetailsParams.builder().accountId(t.accountId)
        .appId(app).build();
    Session s = sessions.getSessionDetails("s-main", params).session();
    assertThat(s.id()).isEqualTo("s-main");
    assertThat(s.meetingDisplayName()).isEqualTo("Planning");
    assertThat(s.status()).isEqualTo(SessionStatus.LIVE);
    assertThat(s.endedAt()).isEmpty();
    assertThat(s.liveParticipants()).isEqualTo(1);
    assertThat(s.maxConcurrentParticipants()).isEqualTo(3);
    assertThat(s.minutesConsumed()).isEqualByComparingTo("25"); // alice 10 + carol 1 + phone 4 + laptop 10
    assertThat(s.breakoutRooms()).isEmpty();

    Session withRooms = sessions.getSessionDetails("s-main", params.toBuilder().includeBreakoutRooms(true).build())
        .session();
    assertThat(withRooms.breakoutRooms()).extracting(Session::id).containsExactly("s-room");
    Session room = withRooms.breakoutRooms().get(0);
    assertThat(room.status()).isEqualTo(SessionStatus.ENDED);
    assertThat(room.endedAt()).contains(BASE.plusSeconds(500));
    assertThat(room.minutesConsumed()).isEqualByComparingTo("5.8333"); // (300 + 50) s

    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> sessions.getSessionDetails("nope", params));
    assertThat(e.errorMessage()).hasValue("session nope not found in app " + app);
  }

  @Test
  void participantsArePagedSortedAndSearched() {
    SessionGetSessionParticipantsResponse first = sessions.getSessionParticipants("s-main", participantsOf().build());
    assertThat(ids(first.participants())).containsExactly("alice-1", "carol-1", "bob-phone", "bob-laptop");
    assertThat(first.paging().totalCount()).isEqualTo(4);
    assertThat(first.hasNextPage()).isFalse();

    SessionGetSessionParticipantsResponse pageOfThree = sessions.getSessionParticipants("s-main",
        participantsOf().perPage(3).build());
    assertThat(pageOfThree.hasNextPage()).isTrue();
    assertThat(ids(pageOfThree.nextPage().participants())).containsExactly("bob-laptop");
    assertThat(pageOfThree.autoPager().stream().map(SessionParticipant::id))
        .containsExactly("alice-1", "carol-1", "bob-phone", "bob-laptop");

    List<SessionParticipant> byDuration = sessions.getSessionParticipants("s-main",
        participantsOf().sortBy(SortBy.DURATION).sortOrder(SortOrder.DESC).build()).participants();
    assertThat(ids(byDuration)).containsExactly("bob-laptop", "alice-1", "bob-phone", "carol-1");
    SessionParticipant laptop = byDuration.get(0);
    assertThat(laptop.leftAt()).isEmpty();
    assertThat(laptop.duration()).isEqualByComparingTo("10");
    assertThat(laptop.userId()).isEmpty();
    assertThat(laptop.presetName()).isEmpty();
    SessionParticipant alice = byDuration.get(1);
    assertThat(alice.joinedAt()).isEqualTo(BASE);
    assertThat(alice.leftAt()).contains(BASE.plusSeconds(600));
    assertThat(alice.customParticipantId()).contains("alice");
    assertThat(alice.userId()).contains("u-alice");
    assertThat(alice.presetName()).contains("host");
    assertThat(alice.displayName()).contains("Alice");
    assertThat(alice.peerEvents()).isEmpty();

    assertThat(ids(sessions.getSessionParticipants("s-main", participantsOf().search("BOB").build()).participants()))
        .containsExactly("bob-phone", "bob-laptop");
    BadRequestException bad = catchThrowableOfType(BadRequestException.class,
        () -> sessions.getSessionParticipants("s-main", participantsOf().perPage(500).build()));
    assertThat(bad.statusCode()).isEqualTo(400);
  }

  @Test
  void peerEventsAndTheConsolidatedView() {
    SessionParticipant alice = sessions.getSessionParticipants("s-main", participantsOf().includePeerEvents(true)
        .build()).participants().get(0);
    List<PeerEvent> events = alice.peerEvents();
    assertThat(events).extracting(PeerEvent::eventName)
        .containsExactly(PeerEventName.PEER_JOINING, PeerEventName.PEER_LEAVING);
    assertThat(events.get(0).createdAt()).isEqualTo(BASE);
    assertThat(events.get(1).minutesConsumed().orElseThrow()).isEqualByComparingTo("10");
    assertThat(events.get(1).peerId()).isEqualTo("alice-1");
    assertThat(events.get(1).sessionId()).contains("s-main");

    SessionParticipant consolidated = sessions.getSessionParticipants("s-main", participantsOf()
        .view(View.CONSOLIDATED).build()).participants().get(0);
    assertThat(consolidated.id()).isEqualTo("alice-1");
    assertThat(consolidated.duration()).isEqualByComparingTo("15"); // 10 here + 5 in the breakout room
  }

  @Test
  void oneParticipant() {
    SessionParticipant carol = sessions.getSessionParticipantDetails("carol-1",
        SessionGetSessionParticipantDetailsParams.builder().accountId(t.accountId).appId(app).sessionId("s-main")
            .includePeerEvents(true).build()).participant();
    assertThat(carol.duration()).isEqualByComparingTo("1");
    assertThat(carol.peerEvents()).hasSize(2);
    NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> sessions.getSessionParticipantDetails(
        "dave-1", SessionGetSessionParticipantDetailsParams.builder().accountId(t.accountId).appId(app)
            .sessionId("s-main").build()));
    assertThat(e.errorMessage()).hasValue("participant dave-1 not found in session s-main");
  }

  @Test
  void peerReportAcrossTheAppsSessions() {
    SessionGetParticipantDataFromPeerIdParams params = SessionGetParticipantDataFromPeerIdParams.builder()
        .accountId(t.accountId).appId(app).includePeerEvents(true).build();
    PeerParticipantDetails dave = sessions.getParticipantDataFromPeerId("dave-1", params).participant();
    assertThat(dave.id()).isEqualTo("dave-1");
    assertThat(dave.sessionId()).isEqualTo("s-room");
    assertThat(dave.role()).isEmpty();
    assertThat(dave.displayName()).contains("Dave");
    assertThat(dave.joinedAt()).isEqualTo(BASE.plusSeconds(210));
    assertThat(dave.leftAt()).contains(BASE.plusSeconds(260));
    assertThat(dave.duration()).isEqualByComparingTo("0.8333");
    assertThat(dave.peerEvents()).hasSize(2);
    assertThat(dave.peerReportMetadata()).hasValueSatisfying(m -> assertThat(m.isObject()).isTrue());
    assertThat(dave.peerReportQuality()).isPresent();
    assertThat(sessions.getParticipantDataFromPeerId("alice-1", params.toBuilder()
        .filters(SessionGetParticipantDataFromPeerIdParams.Filters.DEVICE_INFO).build()).participant().role())
        .contains("host");
    assertThat(catchThrowableOfType(NotFoundException.class, () -> sessions.getParticipantDataFromPeerId("ghost", params))
        .errorMessage()).hasValue("peer ghost not found in app " + app);
  }

  @Test
  void theActiveSessionOfAMeeting() {
    ActiveSessionService active = client.realtimeKit().activeSession();
    ActiveSessionGetActiveSessionParams params = ActiveSessionGetActiveSessionParams.builder().accountId(t.accountId)
        .appId(app).build();
    Session live = active.getActiveSession("main", params).session();
    assertThat(live.id()).isEqualTo("s-main");
    assertThat(live.status()).isEqualTo(SessionStatus.LIVE);
    assertThat(live.breakoutRooms()).extracting(Session::id).containsExactly("s-room");
    NotFoundException none = catchThrowableOfType(NotFoundException.class, () -> active.getActiveSession("room", params));
    assertThat(none.errorMessage()).hasValue("No active session found for meeting_id room");
  }

  /** The suite on the embedded default store. */
  static final class OnSqliteTest extends SessionFamilyAgainstServerTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  /** The suite on PostgreSQL. */
  static final class OnPostgresTest extends SessionFamilyAgainstServerTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
