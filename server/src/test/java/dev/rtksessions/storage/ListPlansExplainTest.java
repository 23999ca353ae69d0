package dev.rtksessions.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionFilter;
import dev.rtksessions.model.SessionOrder;
import dev.rtksessions.model.SessionStatus;
import dev.rtksessions.model.SessionType;
import dev.rtksessions.testing.ListDataset;
import dev.rtksessions.testing.MutableClock;
import dev.rtksessions.testing.StatementRecorder;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each list plan reads the index it was made for, on PostgreSQL: the statements a request runs
 * are recorded as they ran and explained with their values. The store holds the list's test
 * history and 30,000 more meetings and ended sessions, so that searches and narrow ranges are as
 * selective as on a real store; sequential scans are switched off, so that the planner's choice
 * among indexes shows. A statement whose shape no longer fits its index (an OR, a function on
 * the column, a lost row-value range) picks another one, or none, and the test names the request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPlansExplainTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long D0 = ListDataset.DAY0;
  private static final long DAY = ListDataset.DAY;
  private static final SessionOrder NEWEST = new SessionOrder(SessionOrder.Key.CREATED_AT, false);
  private static final SessionOrder BY_MINUTES = new SessionOrder(SessionOrder.Key.MINUTES_CONSUMED, false);
  private static final String APP = "explain-app";
  private static final int FILLER = 30_000;
  private TestService t;

  @BeforeAll
  void store() throws SQLException {
    String url = TestDatabases.freshPostgres();
    t = TestService.start(url, new MutableClock(TestService.EPOCH));
    t.service.catalog().ensureApp(t.accountId, APP, "explain");
    ListDataset.fill(t.service, APP, 7);
    // The filler is written as a tool writes (its statements are not bounded like a request's).
    try (Database tool = Database.open(url, 2)) {
      Stores stores = Stores.on(tool);
      tool.write(c -> {
        List<Meeting> meetings = new ArrayList<>();
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < FILLER; i++) {
          long at = D0 + (long) i * (12 * DAY / FILLER);
          meetings.add(Meeting.implicit(APP, "filler-" + i, "Filler room " + i, null, D0));
          sessions.add(new Session(APP, "filler-s-" + i, "filler-" + i, null, SessionType.MEETING, 0, 1, 60_000, 0,
              at, at, at + 60_000, at + 60_000, at + 120_000, null));
        }
        stores.meetings().insertMissing(c, meetings);
        stores.sessions().insert(c, sessions);
        stores.counts().recount(c);
        return null;
      });
      tool.read(c -> {
        try (Statement st = c.createStatement()) {
          st.execute("ANALYZE");
        }
        return null;
      });
    }
  }

  @AfterAll
  void stop() {
    t.close();
  }

  static Stream<Arguments> requests() {
    SessionFilter all = SessionFilter.all(APP);
    return Stream.of(
        Arguments.of("Head", all, NEWEST, 0, List.of("sessions_by_created")),
        Arguments.of("FromKey by day", all, NEWEST, 1500, List.of("session_buckets_pkey", "sessions_by_created")),
        Arguments.of("IndexRange LIVE", all.withStatus(SessionStatus.LIVE), NEWEST, 0,
            List.of("sessions_by_live_until")),
        Arguments.of("IndexRange ENDED", all.withStatus(SessionStatus.ENDED), NEWEST, 0,
            List.of("sessions_by_created", "sessions_by_live_until")),
        Arguments.of("FromKey ENDED", all.withStatus(SessionStatus.ENDED), NEWEST, 1200,
            List.of("sessions_by_created")),
        Arguments.of("IndexRange meeting", new SessionFilter(APP, null, ListDataset.HOT_MEETING, null, null, null, null,
            null), NEWEST, 0, List.of("sessions_top_by_meeting", "meetings_pkey")),
        Arguments.of("IndexRange created", all.withCreated(D0 + 2 * DAY + 3_600_000L, D0 + 5 * DAY), NEWEST, 0,
            List.of("sessions_by_created", "session_buckets_pkey")),
        Arguments.of("IndexRange narrow peak", new SessionFilter(APP, null, null, null, null, 9, 9, null), NEWEST, 0,
            List.of("sessions_by_peak", "session_buckets_pkey")),
        Arguments.of("IndexRange broad peak", new SessionFilter(APP, null, null, null, null, 1, null, null), NEWEST,
            0, List.of("sessions_by_created")),
        Arguments.of("SearchUnion", new SessionFilter(APP, null, null, null, null, null, null,
            ListDataset.COMMON_WORD), NEWEST, 0, List.of("meetings_title_trgm", "sessions_id_trgm")),
        Arguments.of("ByMinutes", all, BY_MINUTES, 0, List.of("sessions_by_minutes", "sessions_with_peers")),
        Arguments.of("ByMinutes ENDED", all.withStatus(SessionStatus.ENDED), BY_MINUTES, 1000,
            List.of("sessions_by_minutes", "sessions_with_peers")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void eachPlanReadsItsIndex(String name, SessionFilter filter, SessionOrder order, long offset, List<String> indexes)
      throws SQLException {
    StatementRecorder recorder = new StatementRecorder();
    Set<String> used = new LinkedHashSet<>();
    List<String> seqScans = new ArrayList<>();
    t.service.database().read(c -> {
      try (Statement st = c.createStatement()) {
        st.execute("SET enable_seqscan = off");
      }
      try {
        t.service.stores().sessionList().page(recorder.wrap(c), filter, order, 20, offset, ListDataset.NOW);
        for (StatementRecorder.Ran ran : recorder.ran()) {
          collect(explain(c, ran), used, seqScans);
        }
      } finally {
        try (Statement st = c.createStatement()) {
          st.execute("RESET enable_seqscan");
        }
      }
      return null;
    });
    assertThat(recorder.ran()).as("%s ran statements", name).isNotEmpty();
    assertThat(used).as("indexes read by %s", name).containsAll(indexes);
    assertThat(seqScans).as("sequential scans of %s", name).isEmpty();
  }

  private static JsonNode explain(Connection c, StatementRecorder.Ran ran) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("EXPLAIN (FORMAT JSON) " + ran.sql())) {
      for (int i = 0; i < ran.values().size(); i++) {
        ps.setObject(i + 1, ran.values().get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return JSON.readTree(rs.getString(1));
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static void collect(JsonNode node, Set<String> indexes, List<String> seqScans) {
    if (node.isObject()) {
      if (node.has("Index Name")) {
        indexes.add(node.get("Index Name").asText());
      }
      if ("Seq Scan".equals(node.path("Node Type").asText())) {
        seqScans.add(node.path("Relation Name").asText());
      }
    }
    node.forEach(child -> collect(child, indexes, seqScans));
  }
}
