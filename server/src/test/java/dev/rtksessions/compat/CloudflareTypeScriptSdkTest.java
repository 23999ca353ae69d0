package dev.rtksessions.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.model.Permission;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cloudflare's official TypeScript SDK (npm {@code cloudflare}, pinned in compat/typescript)
 * against the real service over a real socket: {@code client.realtimeKit.sessions.getSessions}
 * with filters, sorts and pages must return exactly what the fed history implies, and a bad
 * token must raise the SDK's {@code AuthenticationError}. The rest of the sessions family
 * ({@code getSessionDetails}, {@code getSessionParticipants}, {@code getSessionParticipantDetails},
 * {@code getParticipantDataFromPeerID}, {@code activeSession.getActiveSession}) must return
 * exactly the sessions, participant rows, durations and peer events the history implies, breakout
 * rooms included, and raise the SDK's {@code NotFoundError} for what does not exist.
 *
 * <p>The node script (compat/typescript/sessions-compat.mjs) only performs the calls and reports
 * what the SDK returned; every expectation is computed here from the history below.
 */
class CloudflareTypeScriptSdkTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
  private static final Duration NODE_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(60);
  private static final DateTimeFormatter WIRE_TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final ZoneOffset IST = ZoneOffset.ofHoursMinutes(5, 30);

  // Session ids are given in the events so tie-breaks by id are known in advance. Same-shaped
  // lower-case UUIDs compare the same way in Java, SQLite and any PostgreSQL collation.
  private static final String S1 = "c1a0f5de-1111-4000-8000-000000000001";
  private static final String S2 = "e2b7c9a4-2222-4000-8000-000000000002";
  private static final String S3 = "a3d4e6f8-3333-4000-8000-000000000003";
  private static final String S4 = "74e3b2c1-4444-4000-8000-000000000004";
  private static final String S5 = "3f9a8b7c-5555-4000-8000-000000000005";
  private static final String S6 = "d6c5b4a3-6666-4000-8000-000000000006";
  /** Breakout-room sessions: S7 in mtg-b-room (a room of mtg-b, under S3), S8 in mtg-d-room (under S5). */
  private static final String S7 = "b7e6d5c4-7777-4000-8000-000000000007";
  private static final String S8 = "58f7e6d5-8888-4000-8000-000000000008";

  /** The service clock while the SDK reads: S5 has peers present, S6 is in its keep-alive window. */
  private static final Instant NOW = at("12:00:15");
  /** A later read: S6's keep-alive is over (ENDED), S5 has consumed more minutes. */
  private static final Instant LATER = at("12:07:30");

  /**
   * The history of the top-level sessions (the ones getSessions lists). All on 2025-03-04 (UTC).
   * Meeting mtg-a hosts two sessions; S2 and S3 start at the same instant (created_at tie); S2 and
   * S4 consume the same minutes (tie); mtg-c's events are sent with a +05:30 offset. S3 is the
   * participants session: Erin and Peggy join at the same instant (joined_at tie), Frank and
   * Peggy stay 20 minutes each (duration tie), Grace leaves and rejoins, the explicit end closes
   * Dan, Erin and Frank, and a breakout room (S7) holds Erin's second device.
   */
  private static final List<Hist> HISTORY = List.of(
      new Hist(S1, "mtg-a", "Weekly Standup", null, List.of(
          new Peer("p1", "Alice", at("08:00:00"), at("08:30:00")),
          new Peer("p2", "Bob", at("08:10:00"), at("08:40:20")))),
      new Hist(S2, "mtg-a", "Weekly Standup", null, List.of(
          new Peer("p3", "Carol", at("09:00:00"), at("09:20:00")))),
      new Hist(S3, "mtg-b", "Quarterly PLANNING Review", at("09:30:00"), List.of(
          new Peer("p4", "Dan", at("09:00:00"), null),
          new Peer("p5", "Erin", at("09:05:00"), null),
          new Peer("p15", "Peggy", at("09:05:00"), at("09:25:00")),
          new Peer("p6", "Frank", at("09:10:00"), null),
          new Peer("p7", "Grace", List.of(new Stint(at("09:15:00"), at("09:20:00")),
              new Stint(at("09:22:00"), at("09:29:30")))))),
      new Hist(S4, "mtg-c", "planning poker", null, List.of(
          new Peer("p8", "Heidi", at("10:00:00"), at("10:20:00")))),
      new Hist(S5, "mtg-d", "Design sync", null, List.of(
          new Peer("p9", "Ivan", at("11:00:00"), null),
          new Peer("p10", "Judy", at("11:30:00"), null))),
      new Hist(S6, "mtg-e", null, null, List.of(
          new Peer("p11", "Mallory", at("11:50:00"), at("11:59:45")))));

  /**
   * Breakout rooms: meetings with a parent_meeting_id, whose sessions are children of the parent
   * meeting's session LIVE when they start. S7 (ENDED) under S3: Erin's second device and Oscar;
   * S8 (LIVE) under S5: Ivan's second device, still present.
   */
  private static final List<Hist> ROOMS = List.of(
      new Hist(S7, "mtg-b-room", "Budget breakout", null, List.of(
          new Peer("p12", "Erin", at("09:12:00"), at("09:20:00")),
          new Peer("p13", "Oscar", at("09:13:00"), at("09:18:20"))), "mtg-b"),
      new Hist(S8, "mtg-d-room", "Design breakout", null, List.of(
          new Peer("p14", "Ivan", at("11:45:00"), null)), "mtg-d"));

  /** Every session fed, top-level and breakout rooms. */
  private static final List<Hist> ALL = concat(HISTORY, ROOMS);

  private static final Comparator<Hist> CREATED_ASC = Comparator.comparing(Hist::createdAt).thenComparing(Hist::id);
  private static final Comparator<Hist> CREATED_DESC = CREATED_ASC.reversed();
  private static final String BREAKOUT_MEETING_CASE = "associated_id_breakout_room";
  /** Query parameters that filter (as opposed to sort or page). */
  private static final List<String> FILTERS =
      List.of("status", "associated_id", "participants", "start_time", "end_time", "search");

  private static Path compatDir;

  @BeforeAll
  static void installSdk() {
    compatDir = locateCompatDir();
    requireTool("node", "--version");
    if (!sdkInstalled()) {
      requireTool(npm(), "--version");
      ProcessResult r = run(List.of(npm(), "ci", "--no-audit", "--no-fund"), Map.of(), NPM_TIMEOUT);
      if (r.exitCode != 0 || !sdkInstalled()) {
        fail("`npm ci --no-audit --no-fund` in " + compatDir + " failed (exit " + r.exitCode
            + "); the Cloudflare SDK compatibility test needs it. Output:\n" + r.stdout + r.stderr);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void getSessionsThroughTheOfficialSdk(TestDatabases.Kind kind) throws IOException {
    try (TestService t = TestService.start(kind)) {
      t.clock.set(NOW);
      feed(t);
      String token = t.service.tokens().create(t.accountId, Permission.REALTIME, "sdk compat (read)").secret();

      List<Case> cases = cases();
      JsonNode report = runSdk(t, token, listCalls(cases, "bad-token-0000000000000000"));
      assertThat(report.at("/sdk/package").asText()).isEqualTo("cloudflare");
      assertThat(report.at("/sdk/version").asText()).startsWith("7.");

      SoftAssertions softly = new SoftAssertions();
      for (Case c : cases) {
        checkList(softly, t, report, c, NOW);
      }
      checkFullSessions(softly, t, report.at("/calls/default"), NOW, CREATED_DESC);
      checkBadToken(softly, report.at("/calls/bad_token"));
      softly.assertAll();

      // Same data, later clock: status and read-time minutes must follow the service clock.
      t.clock.set(LATER);
      List<Case> later = List.of(
          new Case("later_live", params("status", "LIVE"), s -> s.status(LATER).equals("LIVE"), CREATED_DESC,
              null, null),
          new Case("later_ended", params("status", "ENDED"), s -> s.status(LATER).equals("ENDED"), CREATED_DESC,
              null, null),
          new Case("later_minutes_desc", params("sort_by", "minutesConsumed", "sort_order", "DESC"), s -> true,
              byMinutes(LATER).reversed(), null, null));
      JsonNode laterReport = runSdk(t, token, listCalls(later, null));
      SoftAssertions laterSoftly = new SoftAssertions();
      for (Case c : later) {
        checkList(laterSoftly, t, laterReport, c, LATER);
      }
      checkFullSessions(laterSoftly, t, laterReport.at("/calls/later_minutes_desc"), LATER,
          byMinutes(LATER).reversed());
      laterSoftly.assertAll();
    }
  }

  /**
   * The rest of the sessions family through the SDK: getSessionDetails (with and without
   * breakout rooms), getSessionParticipants (paging inside data, sorts, search, peer events,
   * consolidated view), getSessionParticipantDetails, getParticipantDataFromPeerID and
   * activeSession.getActiveSession, each compared field by field with what the history implies,
   * and the SDK's NotFoundError for what does not exist.
   */
  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void sessionFamilyThroughTheOfficialSdk(TestDatabases.Kind kind) throws IOException {
    checkFamilyHistory();
    try (TestService t = TestService.start(kind)) {
      t.clock.set(NOW);
      feed(t);
      String token = t.service.tokens().create(t.accountId, Permission.REALTIME, "sdk compat (read)").secret();
      List<FamilyCall> calls = familyCalls(t.appId);
      ArrayNode json = JSON.createArrayNode();
      for (FamilyCall c : calls) {
        json.addObject().put("name", c.name()).put("method", c.method()).put("id", c.id())
            .set("params", JSON.valueToTree(c.params()));
      }
      JsonNode report = runSdk(t, token, json);
      assertThat(report.at("/sdk/version").asText()).startsWith("7.");
      SoftAssertions softly = new SoftAssertions();
      for (FamilyCall c : calls) {
        checkFamilyCall(softly, t, report.at("/calls/" + c.name()), c);
      }
      softly.assertAll();
    }
  }

  /**
   * One call of the family: the SDK method, its first argument and params, the path it must
   * request (under the app), and either the expected {@code data} (normalized, see
   * {@link #normalize}) or, for a 404, the message (as docs/api.md words it).
   */
  record FamilyCall(String name, String method, String id, Map<String, Object> params, String path, Object data,
      String message) {}

  private static final String UNKNOWN_SESSION = "0badc0de-0000-4000-8000-00000000dead";

  /** The family calls and their expected answers, at {@link #NOW}. */
  private static List<FamilyCall> familyCalls(String appId) {
    Hist s1 = hist(S1);
    Hist s3 = hist(S3);
    Hist s5 = hist(S5);
    Hist s6 = hist(S6);
    Hist s7 = hist(S7);
    Hist s8 = hist(S8);
    List<FamilyCall> calls = new ArrayList<>();

    // getSessionDetails: data is the Session; breakout rooms only when asked for.
    String details = "sessions.getSessionDetails";
    for (Object[] c : new Object[][] {
        {"details", s3, params(), false},
        {"details_with_rooms", s3, params("include_breakout_rooms", true), true},
        {"details_rooms_false", s3, params("include_breakout_rooms", false), false},
        {"details_live_with_live_room", s5, params("include_breakout_rooms", true), true},
        {"details_live_without_rooms", s5, params(), false},
        {"details_keep_alive_window", s6, params("include_breakout_rooms", true), true},
        {"details_no_rooms", s1, params("include_breakout_rooms", true), true},
        {"details_of_a_breakout_room", s7, params("include_breakout_rooms", true), true},
        {"details_of_a_live_breakout_room", s8, params(), false}}) {
      Hist h = (Hist) c[1];
      calls.add(new FamilyCall((String) c[0], details, h.id(), cast(c[2]), "/sessions/" + h.id(),
          expectedSession(h, NOW, appId, (Boolean) c[3]), null));
    }

    // getSessionParticipants: paging inside data, sorts with tie-breaks, search, peer events, views.
    String participants = "sessions.getSessionParticipants";
    for (Object[] c : new Object[][] {
        {"participants", s3, params()},
        {"participants_joined_desc", s3, params("sort_by", "joinedAt", "sort_order", "DESC")},
        {"participants_duration_asc", s3, params("sort_by", "duration")},
        {"participants_duration_desc", s3, params("sort_by", "duration", "sort_order", "DESC")},
        {"participants_page_1", s3, params("page_no", 1, "per_page", 2)},
        {"participants_page_0_is_first", s3, params("page_no", 0, "per_page", 2)},
        {"participants_page_3", s3, params("page_no", 3, "per_page", 2)},
        {"participants_page_past_end", s3, params("page_no", 4, "per_page", 2)},
        {"participants_search_name", s3, params("search", "RA")},
        {"participants_search_peer_id", s3, params("search", "P15")},
        {"participants_search_none", s3, params("search", "zzz")},
        {"participants_peer_events", s3, params("include_peer_events", true)},
        {"participants_peer_events_false", s3, params("include_peer_events", false)},
        {"participants_raw", s3, params("view", "raw", "sort_by", "duration", "sort_order", "DESC")},
        {"participants_consolidated", s3, params("view", "consolidated", "sort_by", "duration", "sort_order", "DESC")},
        {"participants_combined", s3, params("search", "e", "sort_by", "duration", "sort_order", "DESC",
            "page_no", 2, "per_page", 2, "include_peer_events", true, "view", "consolidated")},
        {"participants_live_consolidated", s5, params("include_peer_events", true, "view", "consolidated")},
        {"participants_keep_alive_window", s6, params("include_peer_events", true)},
        {"participants_of_a_breakout_room", s7, params("include_peer_events", true, "sort_by", "duration")}}) {
      Hist h = (Hist) c[1];
      Map<String, Object> q = cast(c[2]);
      Map<String, Object> expected = expectedParticipants(h, NOW, q);
      // The cases must discriminate: an empty page only where meant, a search that keeps some.
      String name = (String) c[0];
      boolean empty = name.endsWith("_past_end") || name.endsWith("_none");
      assertThat((List<?>) expected.get("participants")).as("%s: expected rows (test data sanity)", name)
          .hasSizeBetween(empty ? 0 : 1, empty ? 0 : h.peers().size());
      if (q.containsKey("search") && !empty) {
        assertThat(h.peers().stream().filter(p -> participantMatches(p, (String) q.get("search"))).count())
            .as("%s: peers kept by the search (test data sanity)", name).isBetween(1L, h.peers().size() - 1L);
      }
      calls.add(new FamilyCall(name, participants, h.id(), q, "/sessions/" + h.id() + "/participants", expected,
          null));
    }

    // getSessionParticipantDetails: data.participant, one peer of one session.
    String participant = "sessions.getSessionParticipantDetails";
    for (Object[] c : new Object[][] {
        {"participant_rejoined", s3, "p7", true},
        {"participant_closed_by_explicit_end", s3, "p4", false},
        {"participant_present", s5, "p9", true},
        {"participant_in_a_breakout_room", s7, "p13", false}}) {
      Hist h = (Hist) c[1];
      Peer p = h.peer((String) c[2]);
      boolean events = (Boolean) c[3];
      calls.add(new FamilyCall((String) c[0], participant, p.id(),
          params("session_id", h.id(), "include_peer_events", events),
          "/sessions/" + h.id() + "/participants/" + p.id(),
          Map.of("participant", expectedParticipant(h, p, NOW, events, h.peerMillis(p, NOW))), null));
    }

    // getParticipantDataFromPeerID: data.participant with peer_report, found across the app's sessions.
    String peerReport = "sessions.getParticipantDataFromPeerID";
    for (Object[] c : new Object[][] {
        {"peer_report_in_a_breakout_room", s7, "p12", params("include_peer_events", true)},
        {"peer_report_present", s5, "p9", params()},
        {"peer_report_rejoined", s3, "p7", params("include_peer_events", true)},
        {"peer_report_keep_alive_window", s6, "p11", params("include_peer_events", false)}}) {
      Hist h = (Hist) c[1];
      Peer p = h.peer((String) c[2]);
      Map<String, Object> q = cast(c[3]);
      calls.add(new FamilyCall((String) c[0], peerReport, p.id(), q, "/sessions/peer-report/" + p.id(),
          Map.of("participant", expectedPeerReport(h, p, NOW, Boolean.TRUE.equals(q.get("include_peer_events")))),
          null));
    }

    // activeSession.getActiveSession: the meeting's LIVE session, with its breakout rooms.
    String active = "activeSession.getActiveSession";
    for (Object[] c : new Object[][] {
        {"active_session_with_a_live_room", s5},
        {"active_session_in_keep_alive_window", s6},
        {"active_session_of_a_breakout_room", s8}}) {
      Hist h = (Hist) c[1];
      calls.add(new FamilyCall((String) c[0], active, h.meetingId(), params(),
          "/meetings/" + h.meetingId() + "/active-session", expectedSession(h, NOW, appId, true), null));
    }

    // 404s: the SDK must raise its NotFoundError.
    calls.add(new FamilyCall("active_session_none", active, "mtg-a", params(), "/meetings/mtg-a/active-session",
        null, "No active session found for meeting_id mtg-a"));
    calls.add(new FamilyCall("active_session_none_breakout_room", active, "mtg-b-room", params(),
        "/meetings/mtg-b-room/active-session", null, "No active session found for meeting_id mtg-b-room"));
    calls.add(new FamilyCall("active_session_unknown_meeting", active, "mtg-ghost", params(),
        "/meetings/mtg-ghost/active-session", null, "meeting mtg-ghost not found in app " + appId));
    calls.add(new FamilyCall("details_unknown_session", details, UNKNOWN_SESSION,
        params("include_breakout_rooms", true), "/sessions/" + UNKNOWN_SESSION, null,
        "session " + UNKNOWN_SESSION + " not found in app " + appId));
    calls.add(new FamilyCall("participants_unknown_session", participants, UNKNOWN_SESSION, params(),
        "/sessions/" + UNKNOWN_SESSION + "/participants", null,
        "session " + UNKNOWN_SESSION + " not found in app " + appId));
    calls.add(new FamilyCall("participant_of_another_session", participant, "p13", params("session_id", S3),
        "/sessions/" + S3 + "/participants/p13", null, "participant p13 not found in session " + S3));
    calls.add(new FamilyCall("peer_report_unknown_peer", peerReport, "p-ghost", params(),
        "/sessions/peer-report/p-ghost", null, "peer p-ghost not found in app " + appId));
    return calls;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Object params) {
    return (Map<String, Object>) params;
  }

  /** The history really holds what the family calls are meant to check. */
  private static void checkFamilyHistory() {
    assertThat(rooms(hist(S3))).extracting(Hist::id).containsExactly(S7);
    assertThat(rooms(hist(S5))).extracting(Hist::id).containsExactly(S8);
    assertThat(hist(S7).status(NOW)).isEqualTo("ENDED");
    assertThat(hist(S8).status(NOW)).isEqualTo("LIVE");
    assertThat(hist(S6).status(NOW)).isEqualTo("LIVE");
    assertThat(hist(S6).liveParticipants(NOW)).isZero();
    assertThat(HISTORY.stream().filter(h -> h.meetingId().equals("mtg-a")).map(h -> h.status(NOW)))
        .containsOnly("ENDED");
    Hist s3 = hist(S3);
    assertThat(s3.peers().stream().map(Peer::join).distinct().count()).as("a joined_at tie in S3")
        .isLessThan(s3.peers().size());
    assertThat(s3.peers().stream().map(p -> s3.peerMillis(p, NOW)).distinct().count()).as("a duration tie in S3")
        .isLessThan(s3.peers().size());
    assertThat(s3.peers().stream().anyMatch(p -> p.stints().size() > 1)).as("a rejoin in S3").isTrue();
    assertThat(breakoutMillis(s3, NOW)).as("a participant of S3 also in its breakout room")
        .containsKey(s3.peer("p5").customId());
  }

  private static void checkFamilyCall(SoftAssertions softly, TestService t, JsonNode call, FamilyCall c) {
    String where = c.name() + ": " + c.method() + "(" + c.id() + ", " + c.params() + ") (SDK sent "
        + call.path("requests") + ")";
    softly.assertThat(call.path("method").asText()).as(where + ": SDK method").isEqualTo(c.method());
    softly.assertThat(call.path("requests").size()).as(where + ": requests sent (no retries)").isEqualTo(1);
    softly.assertThat(call.at("/requests/0/url").asText().replaceFirst("\\?.*", "")).as(where + ": request path")
        .isEqualTo(t.service.baseUrl() + t.appPath() + c.path());
    if (c.data() != null) {
      if (!call.path("ok").asBoolean(false)) {
        softly.fail(where + " raised instead of answering: " + call.path("error"));
        return;
      }
      JsonNode body = call.path("body");
      softly.assertThat(body.path("success").asBoolean(false)).as(where + ": success").isTrue();
      Object data = normalize(body.path("data"));
      List<String> problems = new ArrayList<>();
      maskPeerEventIds(data, problems);
      softly.assertThat(problems).as(where + ": peer event ids").isEmpty();
      softly.assertThat(data).as(where + ": data").isEqualTo(c.data());
      return;
    }
    if (call.path("ok").asBoolean(true)) {
      softly.fail(where + " must raise the SDK's NotFoundError, got " + call.path("body"));
      return;
    }
    JsonNode e = call.path("error");
    softly.assertThat(e.path("class").asText()).as(where + ": error class (" + e + ")").isEqualTo("NotFoundError");
    softly.assertThat(e.path("is_not_found_error").asBoolean()).as(where + ": instanceof Cloudflare.NotFoundError")
        .isTrue();
    softly.assertThat(e.path("status").asInt()).as(where + ": status").isEqualTo(404);
    softly.assertThat(e.at("/errors/0/code").asInt()).as(where + ": err.errors[0].code").isEqualTo(404);
    softly.assertThat(e.at("/body/success").asBoolean(true)).as(where + ": success in the body").isFalse();
    softly.assertThat(e.at("/errors/0/message").asText()).as(where + ": err.errors[0].message")
        .isEqualTo(c.message());
  }

  /** The getSessions calls and what each must return, as filters/orders over the history. */
  private static List<Case> cases() {
    Instant from = OffsetDateTime.parse("2025-03-04T14:30:00+05:30").toInstant();
    Instant to = OffsetDateTime.parse("2025-03-04T16:30:00+05:30").toInstant();
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("default", params(), s -> true, CREATED_DESC, null, null));
    cases.add(new Case("created_asc", params("sort_by", "createdAt", "sort_order", "ASC"), s -> true, CREATED_ASC,
        null, null));
    cases.add(new Case("created_desc", params("sort_by", "createdAt", "sort_order", "DESC"), s -> true, CREATED_DESC,
        null, null));
    cases.add(new Case("minutes_asc", params("sort_by", "minutesConsumed", "sort_order", "ASC"), s -> true,
        byMinutes(NOW), null, null));
    cases.add(new Case("minutes_desc", params("sort_by", "minutesConsumed", "sort_order", "DESC"), s -> true,
        byMinutes(NOW).reversed(), null, null));
    cases.add(new Case("status_live", params("status", "LIVE"), s -> s.status(NOW).equals("LIVE"), CREATED_DESC,
        null, null));
    cases.add(new Case("status_ended", params("status", "ENDED"), s -> s.status(NOW).equals("ENDED"), CREATED_DESC,
        null, null));
    cases.add(new Case("associated_id", params("associated_id", "mtg-a"), s -> s.meetingId().equals("mtg-a"),
        CREATED_DESC, null, null));
    // A breakout room's session is not listed on its own (it is inside its parent's breakout_rooms).
    cases.add(new Case(BREAKOUT_MEETING_CASE, params("associated_id", "mtg-b-room"),
        s -> s.meetingId().equals("mtg-b-room"), CREATED_DESC, null, null));
    cases.add(new Case("participants_2_", params("participants", "2:"), s -> s.peak() >= 2, CREATED_DESC, null, null));
    cases.add(new Case("participants__1", params("participants", ":1"), s -> s.peak() <= 1, CREATED_DESC, null, null));
    cases.add(new Case("participants_2_3", params("participants", "2:3"), s -> s.peak() >= 2 && s.peak() <= 3,
        CREATED_DESC, null, null));
    cases.add(new Case("start_time_z", params("start_time", "2025-03-04T10:00:00Z"),
        s -> !s.createdAt().isBefore(at("10:00:00")), CREATED_DESC, null, null));
    cases.add(new Case("end_time_millis_z", params("end_time", "2025-03-04T09:00:00.000Z"),
        s -> !s.createdAt().isAfter(at("09:00:00")), CREATED_DESC, null, null));
    cases.add(new Case("time_range_offset",
        params("start_time", "2025-03-04T14:30:00+05:30", "end_time", "2025-03-04T16:30:00+05:30"),
        s -> !s.createdAt().isBefore(from) && !s.createdAt().isAfter(to), CREATED_DESC, null, null));
    cases.add(new Case("search_title_word", params("search", "Planning"), s -> searchMatches(s, "Planning"),
        CREATED_DESC, null, null));
    cases.add(new Case("search_session_id_upper", params("search", S5.substring(0, 8).toUpperCase(Locale.ROOT)),
        s -> searchMatches(s, S5.substring(0, 8).toUpperCase(Locale.ROOT)), CREATED_DESC, null, null));
    cases.add(new Case("page_1_of_4", params("page_no", 1, "per_page", 4), s -> true, CREATED_DESC, 1, 4));
    cases.add(new Case("page_0_is_first", params("page_no", 0, "per_page", 4), s -> true, CREATED_DESC, 0, 4));
    cases.add(new Case("page_2_of_4", params("page_no", 2, "per_page", 4), s -> true, CREATED_DESC, 2, 4));
    cases.add(new Case("page_past_end", params("page_no", 3, "per_page", 4), s -> true, CREATED_DESC, 3, 4));
    cases.add(new Case("ended_by_minutes_desc_page_2",
        params("status", "ENDED", "sort_by", "minutesConsumed", "sort_order", "DESC", "page_no", 2, "per_page", 2),
        s -> s.status(NOW).equals("ENDED"), byMinutes(NOW).reversed(), 2, 2));
    return cases;
  }

  /** Query params in the order given (the SDK sends them in insertion order). */
  private static Map<String, Object> params(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  // ---------------------------------------------------------------- checks

  private static void checkList(SoftAssertions softly, TestService t, JsonNode report, Case c, Instant now) {
    JsonNode call = report.at("/calls/" + c.name);
    String where = describe(c, call);
    if (!call.path("ok").asBoolean(false)) {
      softly.fail(where + " raised instead of returning a list: " + call.path("error"));
      return;
    }
    softly.assertThat(call.path("requests").size()).as(where + ": requests sent (no retries)").isEqualTo(1);
    softly.assertThat(call.at("/requests/0/url").asText())
        .as(where + ": request URL").startsWith(t.service.baseUrl() + t.appPath() + "/sessions");

    List<Hist> matching = HISTORY.stream().filter(c.filter).sorted(c.order).toList();
    int perPage = c.perPage == null ? 20 : c.perPage;
    int page = c.page == null ? 1 : Math.max(1, c.page);
    int offset = (page - 1) * perPage;
    List<Hist> expected = matching.subList(Math.min(offset, matching.size()),
        Math.min(offset + perPage, matching.size()));
    // The cases must discriminate: a filter that keeps everything or nothing would prove little.
    boolean empty = c.name.equals("page_past_end") || c.name.equals(BREAKOUT_MEETING_CASE);
    assertThat(expected.isEmpty()).as("%s: expected page is empty (test data sanity)", c.name).isEqualTo(empty);
    if (c.params.keySet().stream().anyMatch(FILTERS::contains) && !c.name.equals(BREAKOUT_MEETING_CASE)) {
      assertThat(matching.size()).as("%s: sessions kept by the filter (test data sanity)", c.name)
          .isBetween(1, HISTORY.size() - 1);
    }

    JsonNode body = call.path("body");
    softly.assertThat(body.path("success").asBoolean(false)).as(where + ": success").isTrue();
    softly.assertThat(ids(body)).as(where + ": session ids in order").containsExactlyElementsOf(
        expected.stream().map(Hist::id).toList());
    if (c.sortsByMinutes()) {
      softly.assertThat(minutesById(body)).as(where + ": minutes_consumed per session")
          .containsExactlyElementsOf(expected.stream().map(s -> s.id() + "=" + plain(s.minutes(now))).toList());
    }
    softly.assertThat(paging(body)).as(where + ": paging").isEqualTo(Map.of(
        "total_count", (long) matching.size(),
        "start_offset", expected.isEmpty() ? 0L : offset + 1L,
        "end_offset", expected.isEmpty() ? 0L : (long) offset + expected.size()));
  }

  /** Every field of every session, for a call that returns them all. */
  private static void checkFullSessions(SoftAssertions softly, TestService t, JsonNode call, Instant now,
      Comparator<Hist> order) {
    String where = "full sessions at " + now + " " + call.at("/requests/0/url").asText();
    JsonNode sessions = call.at("/body/data/sessions");
    List<Map<String, Object>> actual = new ArrayList<>();
    for (JsonNode s : sessions) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", s.path("id").asText());
      m.put("associated_id", s.path("associated_id").asText());
      m.put("meeting_display_name", s.path("meeting_display_name").asText());
      m.put("organization_id", s.path("organization_id").asText());
      m.put("type", s.path("type").asText());
      m.put("status", s.path("status").asText());
      m.put("live_participants", s.path("live_participants").asInt(-1));
      m.put("max_concurrent_participants", s.path("max_concurrent_participants").asInt(-1));
      m.put("minutes_consumed", s.path("minutes_consumed").isNumber()
          ? plain(s.path("minutes_consumed").decimalValue()) : "<not a number: " + s.path("minutes_consumed") + ">");
      m.put("created_at", s.path("created_at").asText());
      m.put("started_at", s.path("started_at").asText());
      m.put("ended_at", s.has("ended_at") ? s.path("ended_at").asText() : "<absent>");
      // The list always carries the breakout rooms, recursively, every field of them.
      m.put("breakout_rooms", normalize(s.path("breakout_rooms")));
      actual.add(m);
      softly.assertThat(s.path("updated_at").asText()).as(where + ": updated_at of " + s.path("id").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Hist h : HISTORY.stream().sorted(order).toList()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", h.id());
      m.put("associated_id", h.meetingId());
      m.put("meeting_display_name", h.title() == null ? "" : h.title());
      m.put("organization_id", t.appId);
      m.put("type", "meeting");
      m.put("status", h.status(now));
      m.put("live_participants", h.liveParticipants(now));
      m.put("max_concurrent_participants", h.peak());
      m.put("minutes_consumed", plain(h.minutes(now)));
      m.put("created_at", WIRE_TIME.format(h.createdAt()));
      m.put("started_at", WIRE_TIME.format(h.createdAt()));
      m.put("ended_at", h.endedAt(now) == null ? "<absent>" : WIRE_TIME.format(h.endedAt(now)));
      m.put("breakout_rooms", rooms(h).stream().map(r -> expectedSession(r, now, t.appId, true)).toList());
      expected.add(m);
    }
    softly.assertThat(actual).as(where).containsExactlyElementsOf(expected);
  }

  private static void checkBadToken(SoftAssertions softly, JsonNode call) {
    String where = "bad_token " + call.at("/requests/0/url").asText();
    softly.assertThat(call.path("ok").asBoolean(true)).as(where + ": must raise, got " + call.path("body")).isFalse();
    JsonNode e = call.path("error");
    softly.assertThat(e.path("class").asText()).as(where + ": error class (" + e + ")")
        .isEqualTo("AuthenticationError");
    softly.assertThat(e.path("is_authentication_error").asBoolean())
        .as(where + ": instanceof Cloudflare.AuthenticationError").isTrue();
    softly.assertThat(e.path("status").asInt()).as(where + ": status").isEqualTo(401);
    softly.assertThat(e.at("/errors/0/code").asInt()).as(where + ": err.errors[0].code").isEqualTo(10000);
    softly.assertThat(call.path("requests").size()).as(where + ": requests sent (no retries)").isEqualTo(1);
  }

  private static String describe(Case c, JsonNode call) {
    return "call " + c.name + " " + c.params + " (SDK sent " + call.path("requests") + ")";
  }

  private static List<String> ids(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.at("/data/sessions").forEach(s -> ids.add(s.path("id").asText()));
    return ids;
  }

  private static List<String> minutesById(JsonNode body) {
    List<String> out = new ArrayList<>();
    body.at("/data/sessions").forEach(s -> out.add(s.path("id").asText() + "="
        + (s.path("minutes_consumed").isNumber() ? plain(s.path("minutes_consumed").decimalValue())
        : "<" + s.path("minutes_consumed") + ">")));
    return out;
  }

  private static Map<String, Object> paging(JsonNode body) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (String k : List.of("total_count", "start_offset", "end_offset")) {
      JsonNode v = body.path("paging").path(k);
      m.put(k, v.isIntegralNumber() ? (Object) v.asLong() : "<" + v + ">");
    }
    return m;
  }

  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  /** Spec §2: a case-insensitive substring of the meeting title, the meeting id or the session id. */
  private static boolean searchMatches(Hist s, String query) {
    String q = query.toLowerCase(Locale.ROOT);
    return (s.title() != null && s.title().toLowerCase(Locale.ROOT).contains(q))
        || s.meetingId().toLowerCase(Locale.ROOT).contains(q) || s.id().toLowerCase(Locale.ROOT).contains(q);
  }

  private static Comparator<Hist> byMinutes(Instant now) {
    return Comparator.comparingLong((Hist s) -> s.participantMillis(now)).thenComparing(Hist::id);
  }

  // ---------------------------------------------------------------- expected answers, from the history

  /**
   * A JSON number as its plain decimal text ({@code 12.5}, {@code 90}), so that expected and
   * actual numbers compare by value and a number never equals a string.
   */
  record Num(String plain) {
    @Override
    public String toString() {
      return plain;
    }
  }

  private static Num num(long n) {
    return new Num(Long.toString(n));
  }

  /** Milliseconds as wire minutes: rounded half-up to 4 decimals. */
  private static Num minutes(long millis) {
    return new Num(plain(BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 4, RoundingMode.HALF_UP)));
  }

  /** An instant as the wire writes it: UTC with milliseconds. */
  private static String out(Instant instant) {
    return WIRE_TIME.format(instant);
  }

  /** A JSON answer as maps (keys sorted), lists, {@link Num}s, strings and booleans. */
  private static Object normalize(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new TreeMap<>();
      n.fields().forEachRemaining(e -> m.put(e.getKey(), normalize(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> list = new ArrayList<>();
      n.forEach(x -> list.add(normalize(x)));
      return list;
    }
    if (n.isNumber()) {
      return new Num(plain(n.decimalValue()));
    }
    if (n.isTextual()) {
      return n.asText();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.isNull() ? "<null>" : "<missing>";
  }

  /**
   * Peer-event ids are opaque: each must be a non-empty string, distinct within its list; they
   * are then replaced by {@code "<id>"} so the rest of the event compares exactly.
   */
  @SuppressWarnings("unchecked")
  private static void maskPeerEventIds(Object node, List<String> problems) {
    if (node instanceof Map<?, ?> map) {
      if (map.get("peer_events") instanceof List<?> events) {
        Set<Object> seen = new HashSet<>();
        for (Object e : events) {
          if (e instanceof Map<?, ?> event) {
            Object id = event.get("id");
            if (!(id instanceof String text) || text.isBlank()) {
              problems.add("peer event without an id: " + event);
            } else if (!seen.add(id)) {
              problems.add("peer event id " + id + " repeated in " + events);
            }
            ((Map<String, Object>) event).put("id", "<id>");
          }
        }
      }
      map.values().forEach(v -> maskPeerEventIds(v, problems));
    } else if (node instanceof List<?> list) {
      list.forEach(v -> maskPeerEventIds(v, problems));
    }
  }

  private static Hist hist(String sessionId) {
    return ALL.stream().filter(h -> h.id().equals(sessionId)).findFirst().orElseThrow();
  }

  /** The session a breakout room's session belongs to: its parent meeting's session LIVE when it started. */
  private static Hist parentOf(Hist room) {
    List<Hist> live = ALL.stream()
        .filter(h -> h.meetingId().equals(room.parentMeetingId()))
        .filter(h -> !h.createdAt().isAfter(room.createdAt()))
        .filter(h -> h.liveUntil() == null || !room.createdAt().isAfter(h.liveUntil()))
        .toList();
    if (live.size() != 1) {
      throw new IllegalStateException("test data: breakout session " + room.id() + " must start while exactly one"
          + " session of " + room.parentMeetingId() + " is LIVE, found " + live.stream().map(Hist::id).toList());
    }
    return live.get(0);
  }

  /** A session's breakout rooms (direct children), in start order. */
  private static List<Hist> rooms(Hist h) {
    return ROOMS.stream().filter(r -> parentOf(r).id().equals(h.id())).sorted(CREATED_ASC).toList();
  }

  /** Per custom participant id, the time spent in the session's breakout rooms (recursively) up to {@code now}. */
  private static Map<String, Long> breakoutMillis(Hist h, Instant now) {
    Map<String, Long> millis = new HashMap<>();
    for (Hist room : rooms(h)) {
      for (Peer p : room.peers()) {
        millis.merge(p.customId(), room.peerMillis(p, now), Long::sum);
      }
      breakoutMillis(room, now).forEach((k, v) -> millis.merge(k, v, Long::sum));
    }
    return millis;
  }

  /** The Session object (spec §2) at {@code now}; breakout rooms filled recursively when asked for. */
  private static Map<String, Object> expectedSession(Hist h, Instant now, String appId, boolean withRooms) {
    Map<String, Object> m = new TreeMap<>();
    m.put("id", h.id());
    m.put("associated_id", h.meetingId());
    m.put("meeting_display_name", h.title() == null ? "" : h.title());
    m.put("organization_id", appId);
    m.put("type", "meeting");
    m.put("status", h.status(now));
    m.put("live_participants", num(h.liveParticipants(now)));
    m.put("max_concurrent_participants", num(h.peak()));
    m.put("minutes_consumed", minutes(h.participantMillis(now)));
    m.put("created_at", out(h.createdAt()));
    m.put("started_at", out(h.createdAt()));
    m.put("updated_at", out(h.updatedAt()));
    if (h.endedAt(now) != null) {
      m.put("ended_at", out(h.endedAt(now)));
    }
    m.put("breakout_rooms", withRooms
        ? rooms(h).stream().map(r -> expectedSession(r, now, appId, true)).toList() : List.of());
    return m;
  }

  /** Spec §4: search is a case-insensitive substring of the peer id, custom participant id or display name. */
  private static boolean participantMatches(Peer p, String query) {
    String q = query.toLowerCase(Locale.ROOT);
    return p.id().toLowerCase(Locale.ROOT).contains(q) || p.customId().contains(q)
        || p.name().toLowerCase(Locale.ROOT).contains(q);
  }

  /** {@code data} of getSessionParticipants for these query params: a page of rows, and its paging. */
  private static Map<String, Object> expectedParticipants(Hist h, Instant now, Map<String, Object> q) {
    int perPage = (Integer) q.getOrDefault("per_page", 20);
    int page = Math.max(1, (Integer) q.getOrDefault("page_no", 1));
    boolean byDuration = "duration".equals(q.get("sort_by"));
    boolean descending = "DESC".equals(q.get("sort_order"));
    String search = (String) q.get("search");
    boolean events = Boolean.TRUE.equals(q.get("include_peer_events"));
    Map<String, Long> extra = "consolidated".equals(q.get("view")) ? breakoutMillis(h, now) : Map.of();
    record Row(Peer peer, long millis) {}
    List<Row> rows = new ArrayList<>();
    for (Peer p : h.peers()) {
      if (search == null || participantMatches(p, search)) {
        rows.add(new Row(p, h.peerMillis(p, now) + extra.getOrDefault(p.customId(), 0L)));
      }
    }
    Comparator<Row> order = byDuration ? Comparator.comparingLong(Row::millis)
        : Comparator.comparing((Row r) -> r.peer().join());
    order = order.thenComparing(r -> r.peer().id());
    rows.sort(descending ? order.reversed() : order);
    int offset = (page - 1) * perPage;
    List<Row> shown = rows.subList(Math.min(offset, rows.size()), Math.min(offset + perPage, rows.size()));
    Map<String, Object> data = new TreeMap<>();
    data.put("participants", shown.stream().map(r -> expectedParticipant(h, r.peer(), now, events, r.millis()))
        .toList());
    data.put("paging", Map.of(
        "total_count", num(rows.size()),
        "start_offset", num(shown.isEmpty() ? 0 : offset + 1),
        "end_offset", num(shown.isEmpty() ? 0 : offset + shown.size())));
    return data;
  }

  /** When the peer's presence last changed: its latest join while present, else its last leave. */
  private static Instant lastChange(Hist h, Peer p) {
    Stint last = p.stints().get(p.stints().size() - 1);
    return h.present(p) ? last.join() : h.end(last);
  }

  /** A participant row (one peer); {@code millis} is its duration (consolidated or not). */
  private static Map<String, Object> expectedParticipant(Hist h, Peer p, Instant now, boolean withEvents,
      long millis) {
    Map<String, Object> m = new TreeMap<>();
    m.put("id", p.id());
    m.put("user_id", p.userId());
    m.put("custom_participant_id", p.customId());
    m.put("display_name", p.name());
    m.put("preset_name", h.preset(p));
    m.put("joined_at", out(p.join()));
    if (!h.present(p)) {
      m.put("left_at", out(lastChange(h, p)));
    }
    m.put("duration", minutes(millis));
    m.put("created_at", out(p.join()));
    m.put("updated_at", out(lastChange(h, p)));
    if (withEvents) {
      m.put("peer_events", expectedPeerEvents(h, p));
    }
    return m;
  }

  /** Spec §4: PEER_JOINING at each join, PEER_LEAVING at each leave (or explicit end) with that stay's minutes. */
  private static List<Map<String, Object>> expectedPeerEvents(Hist h, Peer p) {
    List<Map<String, Object>> events = new ArrayList<>();
    for (Stint s : p.stints()) {
      events.add(peerEvent(h, p, "PEER_JOINING", s.join(), 0));
      if (h.end(s) != null) {
        events.add(peerEvent(h, p, "PEER_LEAVING", h.end(s), Duration.between(s.join(), h.end(s)).toMillis()));
      }
    }
    return events;
  }

  private static Map<String, Object> peerEvent(Hist h, Peer p, String name, Instant at, long millis) {
    Map<String, Object> e = new TreeMap<>();
    e.put("id", "<id>");
    e.put("event_name", name);
    e.put("peer_id", p.id());
    e.put("participant_id", p.id());
    e.put("session_id", h.id());
    e.put("minutes_consumed", minutes(millis));
    e.put("created_at", out(at));
    e.put("updated_at", out(at));
    return e;
  }

  /** PeerParticipantDetails: the row's fields, role = preset, the session, and an empty peer_report. */
  private static Map<String, Object> expectedPeerReport(Hist h, Peer p, Instant now, boolean withEvents) {
    Map<String, Object> m = new TreeMap<>();
    m.put("id", p.id());
    m.put("session_id", h.id());
    m.put("user_id", p.userId());
    m.put("custom_participant_id", p.customId());
    m.put("display_name", p.name());
    m.put("role", h.preset(p));
    m.put("joined_at", out(p.join()));
    if (!h.present(p)) {
      m.put("left_at", out(lastChange(h, p)));
    }
    m.put("duration", minutes(h.peerMillis(p, now)));
    m.put("created_at", out(p.join()));
    m.put("updated_at", out(lastChange(h, p)));
    if (withEvents) {
      m.put("peer_events", expectedPeerEvents(h, p));
    }
    m.put("peer_report", Map.of("metadata", Map.of(), "quality", Map.of()));
    return m;
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The later of two instants; {@code b} may be null. */
  private static Instant max(Instant a, Instant b) {
    return b == null || a.isAfter(b) ? a : b;
  }

  // ---------------------------------------------------------------- the history and its oracle

  private static Instant at(String utcTime) {
    return Instant.parse("2025-03-04T" + utcTime + "Z");
  }

  /** One stay of a peer: a join and its leave, {@code leave} null when it never left on its own. */
  record Stint(Instant join, Instant leave) {}

  /**
   * One peer (device) of a session, with its stays in order. Its custom participant id is its
   * name in lower case, its user id {@code u-<custom id>}: a person with two devices (or one in
   * the main room and one in a breakout room) is two peers with the same name.
   */
  record Peer(String id, String name, List<Stint> stints) {
    Peer(String id, String name, Instant join, Instant leave) {
      this(id, name, List.of(new Stint(join, leave)));
    }

    Instant join() {
      return stints.get(0).join();
    }

    String customId() {
      return name.toLowerCase(Locale.ROOT);
    }

    String userId() {
      return "u-" + customId();
    }
  }

  /**
   * One session as fed: its meeting, its peers, an explicit end ({@code session.ended}) or null,
   * and for a breakout room the parent meeting.
   */
  record Hist(String id, String meetingId, String title, Instant explicitEnd, List<Peer> peers,
      String parentMeetingId) {
    Hist(String id, String meetingId, String title, Instant explicitEnd, List<Peer> peers) {
      this(id, meetingId, title, explicitEnd, peers, null);
    }

    Instant createdAt() {
      return peers.stream().map(Peer::join).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** When a stay stops counting: its leave, the explicit end, or null while still present. */
    Instant end(Stint s) {
      return s.leave() != null ? s.leave() : explicitEnd;
    }

    boolean present(Peer p) {
      return end(p.stints().get(p.stints().size() - 1)) == null;
    }

    boolean anyoneStays() {
      return peers.stream().anyMatch(this::present);
    }

    Instant lastLeave() {
      return peers.stream().flatMap(p -> p.stints().stream()).map(Stint::leave).filter(Objects::nonNull)
          .max(Comparator.naturalOrder()).orElseThrow();
    }

    String status(Instant now) {
      if (explicitEnd != null) {
        return "ENDED";
      }
      if (anyoneStays()) {
        return "LIVE";
      }
      return now.isAfter(lastLeave().plus(KEEP_ALIVE)) ? "ENDED" : "LIVE";
    }

    Instant endedAt(Instant now) {
      if (!status(now).equals("ENDED")) {
        return null;
      }
      return explicitEnd != null ? explicitEnd : lastLeave();
    }

    /** The last instant (by event time) at which the session is LIVE; null while open-ended. */
    Instant liveUntil() {
      if (explicitEnd != null) {
        return explicitEnd;
      }
      return anyoneStays() ? null : lastLeave().plus(KEEP_ALIVE);
    }

    /** The time of the latest event of the session (join, leave or explicit end). */
    Instant updatedAt() {
      Instant last = explicitEnd != null ? explicitEnd : createdAt();
      for (Peer p : peers) {
        for (Stint s : p.stints()) {
          last = max(last, max(s.join(), s.leave()));
        }
      }
      return last;
    }

    int liveParticipants(Instant now) {
      return status(now).equals("LIVE") ? (int) peers.stream().filter(this::present).count() : 0;
    }

    /** A peer's time in the session, up to {@code now} while present. */
    long peerMillis(Peer p, Instant now) {
      long sum = 0;
      for (Stint s : p.stints()) {
        sum += Duration.between(s.join(), end(s) == null ? now : end(s)).toMillis();
      }
      return sum;
    }

    long participantMillis(Instant now) {
      return peers.stream().mapToLong(p -> peerMillis(p, now)).sum();
    }

    BigDecimal minutes(Instant now) {
      return BigDecimal.valueOf(participantMillis(now)).divide(BigDecimal.valueOf(60_000), 4, RoundingMode.HALF_UP);
    }

    /** Peak of peers present at once (a leave and a join at the same instant do not overlap). */
    int peak() {
      List<long[]> edges = new ArrayList<>();
      for (Peer p : peers) {
        for (Stint s : p.stints()) {
          edges.add(new long[] {s.join().toEpochMilli(), +1});
          if (end(s) != null) {
            edges.add(new long[] {end(s).toEpochMilli(), -1});
          }
        }
      }
      edges.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]));
      int present = 0;
      int peak = 0;
      for (long[] e : edges) {
        present += (int) e[1];
        peak = Math.max(peak, present);
      }
      return peak;
    }

    /** The peer that starts the session joins as host, the others as guests. */
    String preset(Peer p) {
      return p.join().equals(createdAt()) ? "host" : "guest";
    }

    Peer peer(String peerId) {
      return peers.stream().filter(p -> p.id().equals(peerId)).findFirst().orElseThrow();
    }
  }

  /**
   * One getSessions call: its params and the oracle for its answer (filter, order, page);
   * page/perPage null mean the defaults 1/20.
   */
  record Case(String name, Map<String, Object> params, Predicate<Hist> filter, Comparator<Hist> order,
      Integer page, Integer perPage) {
    boolean sortsByMinutes() {
      return "minutesConsumed".equals(params.get("sort_by"));
    }
  }

  /**
   * Feeds the history (top-level sessions and breakout rooms) through the events API in one
   * batch, in event-time order.
   */
  private static void feed(TestService t) throws IOException {
    record Timed(Instant at, ObjectNode event) {}
    List<Timed> events = new ArrayList<>();
    for (Hist h : ALL) {
      ZoneOffset zone = h.meetingId().equals("mtg-c") ? IST : ZoneOffset.UTC;
      Instant first = h.createdAt();
      for (Peer p : h.peers()) {
        for (int i = 0; i < p.stints().size(); i++) {
          Stint stay = p.stints().get(i);
          String suffix = i == 0 ? "" : "-" + (i + 1);
          ObjectNode join = JSON.createObjectNode()
              .put("id", "ev-" + h.id().substring(0, 8) + "-" + p.id() + "-join" + suffix)
              .put("type", "participant.joined")
              .put("meeting_id", h.meetingId())
              .put("peer_id", p.id())
              .put("at", wire(stay.join(), zone))
              .put("custom_participant_id", p.customId())
              .put("user_id", p.userId())
              .put("display_name", p.name())
              .put("preset_name", h.preset(p));
          if (i == 0 && p.join().equals(first)) {
            join.put("session_id", h.id());
          }
          if (h.title() != null) {
            join.put("meeting_title", h.title());
          }
          if (h.parentMeetingId() != null) {
            join.put("parent_meeting_id", h.parentMeetingId());
          }
          events.add(new Timed(stay.join(), join));
          if (stay.leave() != null) {
            events.add(new Timed(stay.leave(), JSON.createObjectNode()
                .put("id", "ev-" + h.id().substring(0, 8) + "-" + p.id() + "-left" + suffix)
                .put("type", "participant.left")
                .put("meeting_id", h.meetingId())
                .put("peer_id", p.id())
                .put("at", wire(stay.leave(), zone))));
          }
        }
      }
      if (h.explicitEnd() != null) {
        events.add(new Timed(h.explicitEnd(), JSON.createObjectNode()
            .put("id", "ev-" + h.id().substring(0, 8) + "-end")
            .put("type", "session.ended")
            .put("meeting_id", h.meetingId())
            .put("at", wire(h.explicitEnd(), zone))));
      }
    }
    events.sort(Comparator.comparing(Timed::at));
    ArrayNode batch = JSON.createArrayNode();
    events.forEach(e -> batch.add(e.event()));
    ApiClient.Response r = t.postEvents(JSON.writeValueAsString(batch));
    assertThat(r.status()).as("POST events: %s", r.body()).isEqualTo(200);
    assertThat(r.body().at("/data/applied").asInt()).as("events applied: %s", r.body()).isEqualTo(events.size());
  }

  /** An event time as RFC 3339 with seconds, in the given offset. */
  private static String wire(Instant instant, ZoneOffset zone) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(instant, zone));
  }

  // ---------------------------------------------------------------- running node

  /** The getSessions calls of {@code cases}, and a bad-token call when {@code badToken} is given. */
  private static ArrayNode listCalls(List<Case> cases, String badToken) {
    ArrayNode calls = JSON.createArrayNode();
    for (Case c : cases) {
      calls.addObject().put("name", c.name).put("method", "sessions.getSessions")
          .set("params", JSON.valueToTree(c.params));
    }
    if (badToken != null) {
      calls.addObject().put("name", "bad_token").put("method", "sessions.getSessions").put("token", badToken)
          .set("params", JSON.createObjectNode());
    }
    return calls;
  }

  /** Runs the node script with these calls ({@code [{name, method, id, params, token}]}); returns its report. */
  private static JsonNode runSdk(TestService t, String token, ArrayNode calls) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("BASE_URL", t.service.baseUrl());
    env.put("API_TOKEN", token);
    env.put("ACCOUNT_ID", t.accountId);
    env.put("APP_ID", t.appId);
    env.put("SDK_CALLS", JSON.writeValueAsString(calls));
    ProcessResult r = run(List.of("node", "sessions-compat.mjs"), env, NODE_TIMEOUT);
    if (r.exitCode != 0) {
      fail("node sessions-compat.mjs exited " + r.exitCode + "\nstdout:\n" + r.stdout + "\nstderr:\n" + r.stderr);
    }
    JsonNode report;
    try {
      report = JSON.readTree(r.stdout);
    } catch (IOException e) {
      throw new AssertionError("node sessions-compat.mjs did not print one JSON document: " + e.getMessage()
          + "\nstdout:\n" + r.stdout + "\nstderr:\n" + r.stderr, e);
    }
    for (JsonNode c : calls) {
      assertThat(report.at("/calls/" + c.path("name").asText()).isObject())
          .as("report has call %s: %s", c.path("name").asText(), r.stdout).isTrue();
    }
    return report;
  }

  record ProcessResult(int exitCode, String stdout, String stderr) {}

  /** Runs a command in compat/typescript with a timeout; stdout/stderr go through files (no pipe stalls). */
  private static ProcessResult run(List<String> command, Map<String, String> extraEnv, Duration timeout) {
    try {
      Path out = Files.createTempFile("rtk-compat-out", ".txt");
      Path err = Files.createTempFile("rtk-compat-err", ".txt");
      try {
        ProcessBuilder pb = new ProcessBuilder(command).directory(compatDir.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        // Keep the caller's Cloudflare credentials or headers out of the SDK's requests.
        pb.environment().keySet().removeIf(k -> k.startsWith("CLOUDFLARE_"));
        pb.environment().putAll(extraEnv);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          fail(String.join(" ", command) + " in " + compatDir + " did not finish within " + timeout
              + "\nstdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
        }
        return new ProcessResult(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + command, e);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command) + " in " + compatDir + ": " + e.getMessage(),
          e);
    }
  }

  private static void requireTool(String tool, String versionFlag) {
    try {
      Process p = new ProcessBuilder(tool, versionFlag).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        fail("`" + tool + " " + versionFlag + "` failed: " + out);
      }
    } catch (IOException e) {
      fail("`" + tool + "` is not on the PATH (" + e.getMessage() + "). The Cloudflare TypeScript SDK"
          + " compatibility test needs Node.js 18+ and npm: install them, then run mvn verify again.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String npm() {
    return System.getProperty("os.name", "").startsWith("Windows") ? "npm.cmd" : "npm";
  }

  /** Installed and at the version package-lock.json pins. */
  private static boolean sdkInstalled() {
    Path installed = compatDir.resolve("node_modules/cloudflare/package.json");
    if (!Files.isRegularFile(installed)) {
      return false;
    }
    try {
      String locked = JSON.readTree(compatDir.resolve("package-lock.json").toFile())
          .path("packages").path("node_modules/cloudflare").path("version").asText();
      return JSON.readTree(installed.toFile()).path("version").asText().equals(locked);
    } catch (IOException e) {
      return false;
    }
  }

  /** compat/typescript of this checkout; Maven runs tests in the server module's directory. */
  private static Path locateCompatDir() {
    Path start = Paths.get("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("compat").resolve("typescript");
      if (Files.isRegularFile(candidate.resolve("package.json"))
          && Files.isRegularFile(candidate.resolve("sessions-compat.mjs"))) {
        return candidate;
      }
    }
    return fail("cannot find compat/typescript (package.json, sessions-compat.mjs) above " + start);
  }
}
