package dev.rtksessions.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.rtksessions.model.Permission;
import dev.rtksessions.sdk.exception.AuthenticationException;
import dev.rtksessions.sdk.exception.BadRequestException;
import dev.rtksessions.sdk.exception.NotFoundException;
import dev.rtksessions.sdk.exception.PermissionDeniedException;
import dev.rtksessions.sdk.exception.UnprocessableEntityException;
import dev.rtksessions.sdk.model.App;
import dev.rtksessions.sdk.model.EventPostResponse;
import dev.rtksessions.sdk.model.AppGetResponse;
import dev.rtksessions.sdk.model.Meeting;
import dev.rtksessions.sdk.model.MeetingGetResponse;
import dev.rtksessions.sdk.model.MeetingStatus;
import dev.rtksessions.sdk.model.Session;
import dev.rtksessions.sdk.model.SessionGetSessionsResponse;
import dev.rtksessions.sdk.model.SessionParticipant;
import dev.rtksessions.sdk.model.SessionStatus;
import dev.rtksessions.sdk.model.SessionType;
import dev.rtksessions.sdk.param.AppGetParams;
import dev.rtksessions.sdk.param.AppPostParams;
import dev.rtksessions.sdk.param.EventPostParams;
import dev.rtksessions.sdk.param.EventPostParams.Event;
import dev.rtksessions.sdk.param.MeetingCreateParams;
import dev.rtksessions.sdk.param.MeetingGetMeetingByIdParams;
import dev.rtksessions.sdk.param.MeetingGetParams;
import dev.rtksessions.sdk.param.SessionGetSessionParticipantDetailsParams;
import dev.rtksessions.sdk.param.SessionGetSessionsParams;
import dev.rtksessions.sdk.param.SessionGetSessionsParams.SortBy;
import dev.rtksessions.sdk.param.SessionGetSessionsParams.Status;
import dev.rtksessions.sdk.param.SortOrder;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.TestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SDK against the real service over a real socket, once per store (see the nested
 * subclasses): list sessions with every filter, the auto-pager, apps, meetings, and the
 * errors the service gives.
 */
abstract class AgainstServerTest extends PerStoreTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");
  RealtimeKitClient client;

  @BeforeAll
  void connect() {
    client = clientWithToken(t.adminToken);
  }

  RealtimeKitClient clientWithToken(String token) {
    return RealtimeKitClient.builder().apiToken(token).baseUrl(t.service.baseUrl()).environment(Map.of()).build();
  }

  SessionGetSessionsParams.Builder sessionsOf() {
    return SessionGetSessionsParams.builder().accountId(t.accountId);
  }

  SessionGetSessionsResponse list(String app, SessionGetSessionsParams params) {
    return client.realtimeKit().sessions().getSessions(app, params);
  }

  static List<String> meetingIds(SessionGetSessionsResponse page) {
    return page.sessions().stream().map(Session::associatedId).collect(Collectors.toList());
  }

  /** n ended sessions in meetings m0..m(n-1), one per hour, m{i} with i+1 peers for i+1 minutes each. */
  String appWithEndedSessions(int n) {
    String app = t.newApp();
    Events ev = new Events(BASE);
    for (int i = 0; i < n; i++) {
      for (int p = 0; p <= i; p++) {
        ev.join("m" + i, "p" + i + "-" + p, i * 3600).with("meeting_title", "Meeting " + i);
      }
      for (int p = 0; p <= i; p++) {
        ev.leave("m" + i, "p" + i + "-" + p, i * 3600 + (i + 1) * 60);
      }
    }
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plus(Duration.ofDays(10)));
    return app;
  }

  @Test
  void eventsArePostedAndDuplicatesAcknowledged() {
    String app = t.newApp();
    EventPostParams batch = EventPostParams.builder().accountId(t.accountId)
        .addEvent(EventPostParams.Event.joined("sdk-1", "standup", "p1", BASE)
            .withParticipant("Alice", "alice").withMeeting("Daily standup", null))
        .addEvent(EventPostParams.Event.left("sdk-2", "standup", "p1", BASE.plusSeconds(90)))
        .build();
    EventPostResponse first = client.realtimeKit().events().post(app, batch);
    assertThat(first.applied()).isEqualTo(2);
    assertThat(first.results()).extracting(EventPostResponse.Result::status).containsExactly("applied", "applied");
    EventPostResponse again = client.realtimeKit().events().post(app, batch);
    assertThat(again.duplicates()).isEqualTo(2);

    t.clock.set(BASE.plus(Duration.ofHours(1)));
    Session s = list(app, sessionsOf().build()).sessions().get(0);
    assertThat(s.meetingDisplayName()).isEqualTo("Daily standup");
    assertThat(s.minutesConsumed()).isEqualByComparingTo("1.5");

    UnprocessableEntityException refused = catchThrowableOfType(UnprocessableEntityException.class,
        () -> client.realtimeKit().events().post(app, EventPostParams.builder().accountId(t.accountId)
            .addEvent(EventPostParams.Event.left("sdk-3", "standup", "ghost", BASE)).build()));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("peer ghost has no join"));
  }

  /** Every field of the events API, set through the event builder, shows in what the server answers after. */
  @Test
  void everyEventFieldReachesTheServer() {
    String app = t.newApp();
    Event parentJoin = Event.joined("all-1", "hall", "host", BASE);
    Event join = Event.builder()
        .id("all-2").type(EventPostParams.Type.PARTICIPANT_JOINED).meetingId("stage").at(BASE.plusSeconds(60))
        .peerId("peer-7").sessionId("s-stage").userId("u-7").customParticipantId("cp-7").displayName("Grace")
        .presetName("speaker").sessionType(EventPostParams.SessionType.LIVESTREAM)
        .meta(Map.of("room", "blue", "floor", 3)).meetingTitle("Keynote").parentMeetingId("hall")
        .build();
    Event leave = Event.builder().id("all-3").type(EventPostParams.Type.PARTICIPANT_LEFT).meetingId("stage").peerId("peer-7")
        .at(BASE.plusSeconds(180)).build();
    Event end = Event.sessionEnded("all-4", "hall", BASE.plusSeconds(240));
    assertThat(client.realtimeKit().events().post(app, EventPostParams.builder().accountId(t.accountId)
        .addEvents(List.of(parentJoin, join, leave, end)).build()).applied()).isEqualTo(4);
    t.clock.set(BASE.plusSeconds(600));

    // A breakout room's session is listed inside its parent's.
    Session hall = list(app, sessionsOf().build()).sessions().get(0);
    assertThat(hall.associatedId()).isEqualTo("hall");
    assertThat(hall.endedAt()).contains(BASE.plusSeconds(240)); // the session.ended event, host still present
    Session stage = hall.breakoutRooms().get(0);
    assertThat(stage.id()).isEqualTo("s-stage");
    assertThat(stage.associatedId()).isEqualTo("stage");
    assertThat(stage.type()).isEqualTo(SessionType.LIVESTREAM);
    assertThat(stage.meta().orElseThrow().get("room").asText()).isEqualTo("blue");
    assertThat(stage.meta().orElseThrow().get("floor").asInt()).isEqualTo(3);
    assertThat(stage.meetingDisplayName()).isEqualTo("Keynote");
    assertThat(stage.startedAt()).isEqualTo(BASE.plusSeconds(60));
    assertThat(stage.endedAt()).contains(BASE.plusSeconds(180));

    Meeting meeting = client.realtimeKit().meetings().getMeetingById("stage", MeetingGetMeetingByIdParams.builder()
        .accountId(t.accountId).appId(app).build()).meeting();
    assertThat(meeting.title()).contains("Keynote");
    assertThat(meeting.parentMeetingId()).contains("hall");

    SessionParticipant grace = client.realtimeKit().sessions().getSessionParticipantDetails("peer-7",
        SessionGetSessionParticipantDetailsParams.builder().accountId(t.accountId).appId(app).sessionId("s-stage")
            .build()).participant();
    assertThat(grace.userId()).contains("u-7");
    assertThat(grace.customParticipantId()).contains("cp-7");
    assertThat(grace.displayName()).contains("Grace");
    assertThat(grace.presetName()).contains("speaker");
  }

  @Test
  void anEventIsCheckedAndCopiedWhenBuilt() {
    Event.Builder b = Event.builder().id("e-1").type(EventPostParams.Type.PARTICIPANT_JOINED).meetingId("m").peerId("p");
    assertThatThrownBy(b::build).isInstanceOf(IllegalStateException.class).hasMessage("at is required but was not set");
    assertThatThrownBy(() -> b.at(BASE).meta(JsonNodeFactory.instance.arrayNode()).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meta must be a JSON object");
    ObjectNode meta = JsonNodeFactory.instance.objectNode().put("room", "blue");
    Event e = b.meta(meta).build();
    meta.put("room", "red");
    ((ObjectNode) e.meta()).put("room", "green");
    assertThat(e.meta().get("room").asText()).isEqualTo("blue");
    assertThat(e.toBuilder().build()).isEqualTo(e);
    assertThat(Event.joined("e-1", "m", "p", BASE).withParticipant("Ann", "ann").withMeeting("Sync", "parent"))
        .isEqualTo(Event.builder().id("e-1").type(EventPostParams.Type.PARTICIPANT_JOINED).meetingId("m").peerId("p").at(BASE)
            .displayName("Ann").customParticipantId("ann").meetingTitle("Sync").parentMeetingId("parent").build());
  }

  @Test
  void sessionsAreTyped() {
    String app = t.newApp();
    Events ev = new Events(BASE)
        .join("main", "host", 0).with("meeting_title", "All hands").with("session_type", "livestream")
        .with("meta", Map.of("room", "blue"))
        .join("room-1", "a", 60).with("parent_meeting_id", "main").with("meeting_title", "Breakout 1")
        .leave("room-1", "a", 300)
        .join("done", "x", 0).leave("done", "x", 90);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(600));

    SessionGetSessionsResponse page = list(app, sessionsOf().sortBy(SortBy.CREATED_AT).sortOrder(SortOrder.ASC).build());
    assertThat(page.paging().totalCount()).isEqualTo(2);
    Session main = page.sessions().stream().filter(s -> s.associatedId().equals("main")).findFirst().orElseThrow();
    assertThat(main.status()).isEqualTo(SessionStatus.LIVE);
    assertThat(main.endedAt()).isEmpty();
    assertThat(main.type()).isEqualTo(SessionType.LIVESTREAM);
    assertThat(main.meetingDisplayName()).isEqualTo("All hands");
    assertThat(main.organizationId()).isEqualTo(app);
    assertThat(main.liveParticipants()).isEqualTo(1);
    assertThat(main.maxConcurrentParticipants()).isEqualTo(1);
    assertThat(main.startedAt()).isEqualTo(BASE);
    assertThat(main.createdAt()).isEqualTo(BASE);
    assertThat(main.minutesConsumed()).isEqualByComparingTo("10"); // one peer for 600 s, read now
    assertThat(main.meta().orElseThrow().get("room").asText()).isEqualTo("blue");

    assertThat(main.breakoutRooms()).hasSize(1);
    Session room = main.breakoutRooms().get(0);
    assertThat(room.associatedId()).isEqualTo("room-1");
    assertThat(room.meetingDisplayName()).isEqualTo("Breakout 1");
    assertThat(room.type()).isEqualTo(SessionType.MEETING);
    assertThat(room.status()).isEqualTo(SessionStatus.ENDED);
    assertThat(room.endedAt()).contains(BASE.plusSeconds(300));
    assertThat(room.minutesConsumed()).isEqualByComparingTo("4");
    assertThat(room.breakoutRooms()).isEmpty();
    assertThat(room.meta()).isEmpty();

    Session done = page.sessions().stream().filter(s -> s.associatedId().equals("done")).findFirst().orElseThrow();
    assertThat(done.status()).isEqualTo(SessionStatus.ENDED);
    assertThat(done.endedAt()).contains(BASE.plusSeconds(90));
    assertThat(done.minutesConsumed()).isEqualTo(new BigDecimal("1.5"));
    assertThat(done.liveParticipants()).isZero();
    assertThat(done.meetingDisplayName()).isEmpty();
    assertThat(done.raw().has("ended_at")).isTrue();
    assertThat(main.raw().has("ended_at")).isFalse();
  }

  @Test
  void filtersSortsAndPages() {
    String app = appWithEndedSessions(6); // m{i}: created BASE + i h, i+1 peers, (i+1)^2 minutes

    SessionGetSessionsResponse byMinutes = list(app, sessionsOf().sortBy(SortBy.MINUTES_CONSUMED)
        .sortOrder(SortOrder.ASC).perPage(4).build());
    assertThat(meetingIds(byMinutes)).containsExactly("m0", "m1", "m2", "m3");
    assertThat(byMinutes.sessions().get(3).minutesConsumed()).isEqualByComparingTo("16");
    assertThat(List.of(byMinutes.paging().totalCount(), byMinutes.paging().startOffset(), byMinutes.paging().endOffset()))
        .containsExactly(6L, 1L, 4L);
    SessionGetSessionsResponse second = byMinutes.nextPage();
    assertThat(second.pageNo()).isEqualTo(2);
    assertThat(meetingIds(second)).containsExactly("m4", "m5");
    assertThat(List.of(second.paging().startOffset(), second.paging().endOffset())).containsExactly(5L, 6L);
    assertThat(second.hasNextPage()).isFalse();

    assertThat(meetingIds(list(app, sessionsOf().build()))).containsExactly("m5", "m4", "m3", "m2", "m1", "m0");
    assertThat(meetingIds(list(app, sessionsOf().participants("2:4").sortOrder(SortOrder.ASC).build())))
        .containsExactly("m1", "m2", "m3");
    assertThat(meetingIds(list(app, sessionsOf().participants("5:").build()))).containsExactly("m5", "m4");
    // Both bounds inclusive, given as Instants and sent with their colons percent-encoded.
    assertThat(meetingIds(list(app, sessionsOf().startTime(BASE.plusSeconds(3600))
        .endTime(BASE.plusSeconds(3 * 3600)).build()))).containsExactly("m3", "m2", "m1");
    assertThat(meetingIds(list(app, sessionsOf().search("meeting 4").build()))).containsExactly("m4");
    assertThat(meetingIds(list(app, sessionsOf().associatedId("m2").build()))).containsExactly("m2");
    assertThat(list(app, sessionsOf().status(Status.LIVE).build()).sessions()).isEmpty();
    assertThat(list(app, sessionsOf().status(Status.ENDED).build()).paging().totalCount()).isEqualTo(6);

    SessionGetSessionsResponse pastTheEnd = list(app, sessionsOf().pageNo(3).perPage(5).build());
    assertThat(pastTheEnd.sessions()).isEmpty();
    assertThat(pastTheEnd.paging().startOffset()).isZero();
    assertThat(pastTheEnd.hasNextPage()).isFalse();
  }

  @Test
  void liveStatusFilterAndALiveSessionsRunningMinutes() {
    String app = appWithEndedSessions(2);
    Events live = new Events(BASE.plus(Duration.ofDays(10)), "live").join("running", "x", -150);
    assertThat(t.postEvents(app, live.json()).status()).isEqualTo(200);
    SessionGetSessionsResponse page = list(app, sessionsOf().status(Status.LIVE).build());
    assertThat(meetingIds(page)).containsExactly("running");
    assertThat(page.sessions().get(0).minutesConsumed()).isEqualByComparingTo("2.5");
    assertThat(page.sessions().get(0).endedAt()).isEmpty();
  }

  @Test
  void theAutoPagerVisitsEverySessionOnceInOrder() {
    String app = t.newApp();
    Events ev = new Events(BASE);
    for (int i = 0; i < 45; i++) {
      ev.join(String.format("meeting-%02d", i), "p" + i, i * 60).leave(String.format("meeting-%02d", i), "p" + i, i * 60 + 30);
    }
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plus(Duration.ofDays(1)));

    SessionGetSessionsResponse first = list(app, sessionsOf().perPage(10).sortOrder(SortOrder.ASC).build());
    List<Session> all = first.autoPager().stream().collect(Collectors.toList());
    assertThat(all).extracting(Session::associatedId)
        .containsExactlyElementsOf(IntStream.range(0, 45).mapToObj(i -> String.format("meeting-%02d", i)).toList());
    assertThat(all.stream().map(Session::id).distinct()).hasSize(45);

    int pages = 1;
    for (SessionGetSessionsResponse p = first; p.hasNextPage(); p = p.nextPage()) {
      pages++;
    }
    assertThat(pages).isEqualTo(5);
    // Starting from a later page walks only what follows it.
    assertThat(list(app, sessionsOf().perPage(10).pageNo(4).sortOrder(SortOrder.ASC).build()).autoPager())
        .hasSize(15);
  }

  @Test
  void appsAreCreatedAndListed() {
    String account = "sdk-apps-" + kind().name().toLowerCase();
    List<String> created = IntStream.range(0, 3).mapToObj(i -> {
      t.clock.advance(Duration.ofSeconds(1));
      App app = client.realtimeKit().apps().post(AppPostParams.builder().accountId(account).name("video " + i).build())
          .app();
      assertThat(app.name()).isEqualTo("video " + i);
      assertThat(app.createdAt()).isEqualTo(t.clock.instant());
      return app.id();
    }).collect(Collectors.toList());

    AppGetResponse newestFirst = client.realtimeKit().apps().get(AppGetParams.builder().accountId(account).build());
    assertThat(newestFirst.apps()).extracting(App::id).containsExactly(created.get(2), created.get(1), created.get(0));
    assertThat(newestFirst.paging().totalCount()).isEqualTo(3);
    AppGetResponse pageOfOne = client.realtimeKit().apps().get(AppGetParams.builder().accountId(account)
        .sortOrder(SortOrder.ASC).perPage(1).build());
    assertThat(pageOfOne.autoPager().stream().map(App::id)).containsExactlyElementsOf(created);
    assertThat(client.realtimeKit().apps().get(AppGetParams.builder().accountId(account).search("VIDEO 1").build())
        .apps()).extracting(App::id).containsExactly(created.get(1));
  }

  @Test
  void meetingsAreCreatedReadAndListed() {
    String app = t.newApp();
    MeetingService meetings = client.realtimeKit().meetings();
    Meeting parent = meetings.create(app, MeetingCreateParams.builder().accountId(t.accountId).title("Weekly sync")
        .sessionKeepAliveTimeInSecs(120).recordOnStart(true).build()).meeting();
    assertThat(parent.title()).contains("Weekly sync");
    assertThat(parent.status()).isEqualTo(MeetingStatus.ACTIVE);
    assertThat(parent.sessionKeepAliveTimeInSecs()).isEqualTo(120);
    assertThat(parent.recordOnStart()).isTrue();
    assertThat(parent.persistChat()).isFalse();
    assertThat(parent.createdAt()).isEqualTo(t.clock.instant());
    assertThat(parent.parentMeetingId()).isEmpty();

    Meeting child = meetings.create(app, MeetingCreateParams.builder().accountId(t.accountId).title("Breakout")
        .status(MeetingCreateParams.Status.INACTIVE).parentMeetingId(parent.id()).build()).meeting();
    assertThat(child.status()).isEqualTo(MeetingStatus.INACTIVE);
    assertThat(child.parentMeetingId()).contains(parent.id());
    assertThat(child.sessionKeepAliveTimeInSecs()).isEqualTo(60);

    Meeting read = meetings.getMeetingById(parent.id(), MeetingGetMeetingByIdParams.builder().accountId(t.accountId)
        .appId(app).build()).meeting();
    assertThat(read).isEqualTo(parent);

    MeetingGetResponse list = meetings.get(app, MeetingGetParams.builder().accountId(t.accountId).build());
    assertThat(list.meetings()).extracting(Meeting::id).containsExactlyInAnyOrder(parent.id(), child.id());
    assertThat(list.paging().totalCount()).isEqualTo(2);
    assertThat(meetings.get(app, MeetingGetParams.builder().accountId(t.accountId).search("breakout").build())
        .meetings()).extracting(Meeting::id).containsExactly(child.id());
    assertThat(meetings.get(app, MeetingGetParams.builder().accountId(t.accountId).perPage(1).build()).autoPager())
        .hasSize(2);

    NotFoundException missing = catchThrowableOfType(NotFoundException.class, () -> meetings.getMeetingById("nope",
        MeetingGetMeetingByIdParams.builder().accountId(t.accountId).appId(app).build()));
    assertThat(missing.statusCode()).isEqualTo(404);
  }

  @Test
  void aBadTokenIsAnAuthenticationFailure() {
    AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
        () -> clientWithToken("rtk_not-a-real-token").realtimeKit().sessions().getSessions(t.appId, sessionsOf().build()));
    assertThat(e.statusCode()).isEqualTo(401);
    assertThat(e.errorMessage()).hasValue("Authentication error: unknown token");
    assertThat(e.method()).isEqualTo("GET");
    assertThat(e.url()).isEqualTo(t.service.baseUrl() + t.appPath() + "/sessions");
    assertThat(e.bodyJson().orElseThrow().get("errors").get(0).get("code").asInt()).isEqualTo(10000);
  }

  @Test
  void aReadOnlyTokenReadsButCannotWrite() {
    String reader = t.service.tokens().create(t.accountId, Permission.REALTIME, "sdk reader").secret();
    RealtimeKitClient readOnly = clientWithToken(reader);
    assertThat(readOnly.realtimeKit().sessions().getSessions(t.appId, sessionsOf().build()).paging()).isNotNull();
    PermissionDeniedException e = catchThrowableOfType(PermissionDeniedException.class,
        () -> readOnly.realtimeKit().meetings().create(t.appId,
            MeetingCreateParams.builder().accountId(t.accountId).title("nope").build()));
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(e.method()).isEqualTo("POST");
    assertThat(e.errorMessage().orElseThrow()).contains("read-only");
  }

  @Test
  void anUnknownAppIsNotFound() {
    NotFoundException e = catchThrowableOfType(NotFoundException.class,
        () -> list("no-such-app", sessionsOf().build()));
    assertThat(e.statusCode()).isEqualTo(404);
    assertThat(e.errorMessage()).hasValue("app no-such-app not found in account " + t.accountId);
  }

  @Test
  void aBadParameterIsABadRequestWithTheServersMessage() {
    BadRequestException e = catchThrowableOfType(BadRequestException.class,
        () -> list(t.appId, sessionsOf().participants("5:2").build()));
    assertThat(e.statusCode()).isEqualTo(400);
    assertThat(e.errorMessage()).hasValue("participants min must not exceed max, got \"5:2\"");
    assertThat(e.getMessage()).contains("participants=5%3A2");
    BadRequestException perPage = catchThrowableOfType(BadRequestException.class,
        () -> list(t.appId, sessionsOf().perPage(500).build()));
    assertThat(perPage.errorMessage()).hasValue("per_page must be an integer between 1 and 200, got \"500\"");
  }

  @Test
  void anEnumValueTheSdkDoesNotKnowReachesTheServerAsGiven() {
    BadRequestException status = catchThrowableOfType(BadRequestException.class,
        () -> list(t.appId, sessionsOf().status(Status.of("SOMETHING_NEW")).build()));
    assertThat(status.errorMessage()).hasValue("status must be one of LIVE, ENDED, got \"SOMETHING_NEW\"");
    assertThat(status.url()).endsWith("/sessions?status=SOMETHING_NEW");
    BadRequestException order = catchThrowableOfType(BadRequestException.class,
        () -> list(t.appId, sessionsOf().sortOrder(SortOrder.of("UP")).build()));
    assertThat(order.errorMessage()).hasValue("sort_order must be one of ASC, DESC, got \"UP\"");

    // A known value spelled out is that value.
    String app = appWithEndedSessions(2);
    assertThat(meetingIds(list(app, sessionsOf().status(Status.of("ENDED")).sortOrder(SortOrder.of("ASC")).build())))
        .containsExactly("m0", "m1");
  }

  /** The suite on the embedded default store. */
  static final class OnSqliteTest extends AgainstServerTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  /** The suite on PostgreSQL. */
  static final class OnPostgresTest extends AgainstServerTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
