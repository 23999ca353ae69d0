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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cloudflare's official TypeScript SDK (npm {@code cloudflare}, pinned in compat/typescript)
 * against the real service over a real socket: {@code client.realtimeKit.sessions.getSessions}
 * with filters, sorts and pages must return exactly what the fed history implies, and a bad
 * token must raise the SDK's {@code AuthenticationError}.
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

  /** The service clock while the SDK reads: S5 has peers present, S6 is in its keep-alive window. */
  private static final Instant NOW = at("12:00:15");
  /** A later read: S6's keep-alive is over (ENDED), S5 has consumed more minutes. */
  private static final Instant LATER = at("12:07:30");

  /**
   * The history, per session. All on 2025-03-04 (UTC). Meeting mtg-a hosts two sessions; S2 and
   * S3 start at the same instant (created_at tie); S2 and S4 consume the same minutes (tie);
   * mtg-c's events are sent with a +05:30 offset.
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
          new Peer("p6", "Frank", at("09:10:00"), null),
          new Peer("p7", "Grace", at("09:15:00"), at("09:29:30")))),
      new Hist(S4, "mtg-c", "planning poker", null, List.of(
          new Peer("p8", "Heidi", at("10:00:00"), at("10:20:00")))),
      new Hist(S5, "mtg-d", "Design sync", null, List.of(
          new Peer("p9", "Ivan", at("11:00:00"), null),
          new Peer("p10", "Judy", at("11:30:00"), null))),
      new Hist(S6, "mtg-e", null, null, List.of(
          new Peer("p11", "Mallory", at("11:50:00"), at("11:59:45")))));

  private static final Comparator<Hist> CREATED_ASC = Comparator.comparing(Hist::createdAt).thenComparing(Hist::id);
  private static final Comparator<Hist> CREATED_DESC = CREATED_ASC.reversed();
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
      JsonNode report = runSdk(t, token, cases, "bad-token-0000000000000000");
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
      JsonNode laterReport = runSdk(t, token, later, null);
      SoftAssertions laterSoftly = new SoftAssertions();
      for (Case c : later) {
        checkList(laterSoftly, t, laterReport, c, LATER);
      }
      checkFullSessions(laterSoftly, t, laterReport.at("/calls/later_minutes_desc"), LATER,
          byMinutes(LATER).reversed());
      laterSoftly.assertAll();
    }
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
    boolean pastEnd = c.name.equals("page_past_end");
    assertThat(expected.isEmpty()).as("%s: expected page is empty (test data sanity)", c.name).isEqualTo(pastEnd);
    if (c.params.keySet().stream().anyMatch(FILTERS::contains)) {
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
      m.put("breakout_rooms", s.path("breakout_rooms").toString());
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
      m.put("breakout_rooms", "[]");
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

  // ---------------------------------------------------------------- the history and its oracle

  private static Instant at(String utcTime) {
    return Instant.parse("2025-03-04T" + utcTime + "Z");
  }

  /** One peer's stay; {@code leave} null when it never left on its own. */
  record Peer(String id, String name, Instant join, Instant leave) {}

  /** One session as fed: its meeting, its peers, and an explicit end ({@code session.ended}) or null. */
  record Hist(String id, String meetingId, String title, Instant explicitEnd, List<Peer> peers) {
    Instant createdAt() {
      return peers.stream().map(Peer::join).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** When the peer stops counting: its leave, the explicit end, or null while still present. */
    Instant exit(Peer p) {
      return p.leave() != null ? p.leave() : explicitEnd;
    }

    boolean anyoneStays() {
      return peers.stream().anyMatch(p -> exit(p) == null);
    }

    String status(Instant now) {
      if (explicitEnd != null) {
        return "ENDED";
      }
      if (anyoneStays()) {
        return "LIVE";
      }
      Instant lastLeave = peers.stream().map(Peer::leave).max(Comparator.naturalOrder()).orElseThrow();
      return now.isAfter(lastLeave.plus(KEEP_ALIVE)) ? "ENDED" : "LIVE";
    }

    Instant endedAt(Instant now) {
      if (!status(now).equals("ENDED")) {
        return null;
      }
      return explicitEnd != null ? explicitEnd : peers.stream().map(Peer::leave).max(Comparator.naturalOrder()).get();
    }

    int liveParticipants(Instant now) {
      return status(now).equals("LIVE") ? (int) peers.stream().filter(p -> exit(p) == null).count() : 0;
    }

    long participantMillis(Instant now) {
      long sum = 0;
      for (Peer p : peers) {
        Instant end = exit(p) == null ? now : exit(p);
        sum += Duration.between(p.join(), end).toMillis();
      }
      return sum;
    }

    BigDecimal minutes(Instant now) {
      return BigDecimal.valueOf(participantMillis(now)).divide(BigDecimal.valueOf(60_000), 4, RoundingMode.HALF_UP);
    }

    /** Peak of peers present at once (a leave and a join at the same instant do not overlap). */
    int peak() {
      List<long[]> edges = new ArrayList<>();
      for (Peer p : peers) {
        edges.add(new long[] {p.join().toEpochMilli(), +1});
        Instant end = exit(p);
        if (end != null) {
          edges.add(new long[] {end.toEpochMilli(), -1});
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

  /** Feeds the history through the events API in one batch. */
  private static void feed(TestService t) throws IOException {
    record Timed(Instant at, ObjectNode event) {}
    List<Timed> events = new ArrayList<>();
    for (Hist h : HISTORY) {
      ZoneOffset zone = h.meetingId().equals("mtg-c") ? IST : ZoneOffset.UTC;
      Instant first = h.createdAt();
      for (Peer p : h.peers()) {
        ObjectNode join = JSON.createObjectNode()
            .put("id", "ev-" + h.id().substring(0, 8) + "-" + p.id() + "-join")
            .put("type", "participant.joined")
            .put("meeting_id", h.meetingId())
            .put("peer_id", p.id())
            .put("at", wire(p.join(), zone))
            .put("custom_participant_id", p.name().toLowerCase(Locale.ROOT))
            .put("display_name", p.name());
        if (p.join().equals(first)) {
          join.put("session_id", h.id());
        }
        if (h.title() != null) {
          join.put("meeting_title", h.title());
        }
        events.add(new Timed(p.join(), join));
        if (p.leave() != null) {
          events.add(new Timed(p.leave(), JSON.createObjectNode()
              .put("id", "ev-" + h.id().substring(0, 8) + "-" + p.id() + "-left")
              .put("type", "participant.left")
              .put("meeting_id", h.meetingId())
              .put("peer_id", p.id())
              .put("at", wire(p.leave(), zone))));
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

  private static JsonNode runSdk(TestService t, String token, List<Case> cases, String badToken) throws IOException {
    ArrayNode calls = JSON.createArrayNode();
    for (Case c : cases) {
      calls.addObject().put("name", c.name).set("params", JSON.valueToTree(c.params));
    }
    if (badToken != null) {
      calls.addObject().put("name", "bad_token").put("token", badToken).set("params", JSON.createObjectNode());
    }
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
