package dev.rtksessions.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingStatus;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.RtkWebhooks;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * RealtimeKit does not retry a delivery it got a 2xx for, so the webhook path must be
 * order-free: random histories of one meeting and its breakout room (joins, leaves, rejoins,
 * moves between the rooms, ends with and without the leaves RealtimeKit sends with them, gaps
 * on both sides of the keep-alive and past the stale limit) are delivered as signed webhooks,
 * once each and in order to one service, and once or twice each in a random order to another;
 * both stores must then hold the same sessions, participant rows and meetings, column by
 * column, show the same lists at several instants, and hold no event back.
 *
 * <p>A failing history is shrunk before it is reported: runs of steps are dropped, and each
 * step's webhooks sent in place and once, for as long as it still fails; the report shows that
 * minimal case and the seed that reproduces the run ({@code -Drtk.orderTest.seed=N}). The number
 * of histories is {@code -Drtk.orderTest.histories} (the long run in the README sends more), the
 * store {@code -Drtk.orderTest.store=SQLITE|POSTGRESQL}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookDeliveryOrderTest {
  private static final Instant BASE = Instant.parse("2025-06-02T09:00:00Z");
  private static final KeyPair KEY = RtkWebhooks.newKeyPair();
  private static final int MAX_STEPS = 30;
  private final AtomicInteger runs = new AtomicInteger();
  private TestService inOrder;
  private TestService anyOrder;
  private RtkWebhooks toInOrder;
  private RtkWebhooks toAnyOrder;

  @BeforeAll
  void start() {
    TestDatabases.Kind kind = TestDatabases.Kind.valueOf(System.getProperty("rtk.orderTest.store", "SQLITE"));
    inOrder = TestService.start(kind, c -> c.withWebhookPublicKey(KEY.getPublic()));
    anyOrder = TestService.start(kind, c -> c.withWebhookPublicKey(KEY.getPublic()));
    toInOrder = new RtkWebhooks(inOrder.client, KEY.getPrivate());
    toAnyOrder = new RtkWebhooks(anyOrder.client, KEY.getPrivate());
  }

  @AfterAll
  void stop() {
    inOrder.close();
    anyOrder.close();
  }

  @Test
  void anyDeliveryOrderGivesTheSessionsOfInOrderDelivery() {
    long seed = Long.getLong("rtk.orderTest.seed", new Random().nextLong());
    int histories = Integer.getInteger("rtk.orderTest.histories", 150);
    Random random = new Random(seed);
    for (int i = 0; i < histories; i++) {
      Scenario scenario = Scenario.random(random);
      AssertionError failure = check(scenario);
      if (failure != null) {
        Scenario minimal = shrink(scenario);
        throw new AssertionError("history " + (i + 1) + " of " + histories + " (-Drtk.orderTest.seed=" + seed
            + ") fails; shrunk to " + minimal + "\n" + check(minimal).getMessage(), failure);
      }
    }
  }

  /** Null when the scenario gives the sessions of in-order delivery, else what differs. */
  private AssertionError check(Scenario scenario) {
    try {
      deliverAndCompare(scenario);
      return null;
    } catch (AssertionError e) {
      return e;
    }
  }

  private void deliverAndCompare(Scenario scenario) {
    String app = "order-" + runs.incrementAndGet();
    History history = History.of(scenario.steps());
    for (TestService t : List.of(inOrder, anyOrder)) {
      t.service.catalog().ensureApp(t.accountId, app, "order");
      // The breakout room exists before its events, as RealtimeKit's connected meetings do.
      t.service.catalog().createMeeting(new Meeting(app, History.ROOMS[1], "", MeetingStatus.ACTIVE,
          Meeting.DEFAULT_KEEP_ALIVE_SECS, false, false, false, false, false, History.ROOMS[0],
          BASE.toEpochMilli(), BASE.toEpochMilli()));
    }
    for (Delivery d : history.deliveries) {
      assertThat(send(toInOrder, inOrder, app, d)).as("in order, %s", d).isIn("applied", "ignored");
    }
    List<Delivery> shuffled = new ArrayList<>(history.deliveries);
    shuffled.sort(Comparator.comparingDouble(Delivery::priority));
    for (Delivery d : shuffled) {
      assertThat(send(toAnyOrder, anyOrder, app, d)).as("any order, %s", d).isIn("applied", "held", "ignored");
      if (d.twice()) {
        assertThat(send(toAnyOrder, anyOrder, app, d)).as("again, %s", d).isEqualTo("duplicate");
      }
    }

    assertThat(anyOrder.service.heldEvents().oldest(app, 10)).as("held events left").isEmpty();
    for (String table : List.of("sessions", "participants", "meetings")) {
      assertThat(rows(anyOrder, table, app)).as("%s rows", table).isEqualTo(rows(inOrder, table, app));
    }
    for (Duration later : List.of(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(25))) {
      Instant readAt = Instant.ofEpochMilli(history.lastEventAt).plus(later);
      inOrder.clock.set(readAt);
      anyOrder.clock.set(readAt);
      assertThat(list(anyOrder, app)).as("the list %s after the last event", later).isEqualTo(list(inOrder, app));
    }
  }

  /**
   * The smallest variation of a failing scenario that still fails, found greedily: drop runs of
   * steps (halving their length down to one), then send each remaining step's webhooks in place
   * and once, for as long as that keeps it failing.
   */
  private Scenario shrink(Scenario failing) {
    Scenario s = failing;
    boolean smaller = true;
    while (smaller) {
      smaller = false;
      for (int run = Math.max(1, s.steps().size() / 2); run >= 1; run /= 2) {
        int from = 0;
        while (from + run <= s.steps().size()) {
          Scenario candidate = s.without(from, run);
          if (check(candidate) != null) {
            s = candidate;
            smaller = true;
          } else {
            from += run;
          }
        }
      }
      for (int i = 0; i < s.steps().size(); i++) {
        int position = i;
        for (UnaryOperator<Step> simpler : List.<UnaryOperator<Step>>of(Step::once, st -> st.inPlace(position))) {
          Step step = s.steps().get(i);
          Step simplerStep = simpler.apply(step);
          if (!simplerStep.equals(step) && check(s.with(i, simplerStep)) != null) {
            s = s.with(i, simplerStep);
            smaller = true;
          }
        }
      }
    }
    return s;
  }

  private static String send(RtkWebhooks sender, TestService t, String app, Delivery d) {
    ApiClient.Response r = sender.deliver(t.appPath(app), d.id(), d.payload());
    assertThat(r.status()).as("%s: %s", d, r.body()).isEqualTo(200);
    return r.body().at("/data/status").asText();
  }

  private static JsonNode list(TestService t, String app) {
    ApiClient.Response r = t.listSessions(app, "sort_order=ASC&per_page=200&include_breakout_rooms=true");
    assertThat(r.status()).isEqualTo(200);
    return r.body().get("data");
  }

  /** Every row of the app in a table, column by column, in a fixed order. */
  private static List<Map<String, Object>> rows(TestService t, String table, String app) {
    String sql = switch (table) {
      case "sessions" -> "SELECT * FROM sessions WHERE app_id = ? ORDER BY id";
      case "participants" -> "SELECT * FROM participants WHERE app_id = ? ORDER BY session_id, peer_id";
      // Meetings: what the events decide (their times are the service's own clock).
      default -> "SELECT id, title, parent_meeting_id, current_session_id FROM meetings WHERE app_id = ?"
          + " ORDER BY id";
    };
    return t.service.database().read(c -> query(c, sql, app));
  }

  private static List<Map<String, Object>> query(Connection c, String sql, String app) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, app);
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value instanceof Number n ? n.longValue() : value);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  // ---- generated histories -------------------------------------------------------------------

  /** What one step of a history does; steps that do not fit the state at that point do nothing. */
  enum Action { JOIN, LEAVE, MOVE, END, END_WITH_LEAVES, GAP }

  /**
   * Gaps around the 60 s keep-alive (the next step adds one more second before it acts: 58 s
   * gives a 59 s gap, 59 s the keep-alive exactly, 60 s one second past it) and past the 24 h
   * stale limit.
   */
  enum Gap {
    S58(58_000), S59(59_000), S60(60_000), MIN5(300_000), H25(25 * 3_600_000L);

    final long millis;

    Gap(long millis) {
      this.millis = millis;
    }
  }

  /**
   * One step of a history. In the any-order run its webhooks are sent at position
   * {@code priority} among all deliveries (a step's own index sends them in order), and twice
   * when {@code twice} is set.
   */
  record Step(Action action, int peer, int room, Gap gap, double priority, boolean twice) {
    static Step random(Random r, int stepsInHistory) {
      Action[] actions = Action.values();
      Gap[] gaps = Gap.values();
      return new Step(actions[r.nextInt(actions.length)], r.nextInt(4), r.nextInt(2), gaps[r.nextInt(gaps.length)],
          r.nextDouble() * stepsInHistory, r.nextInt(4) == 0);
    }

    Step once() {
      return new Step(action, peer, room, gap, priority, false);
    }

    Step inPlace(int position) {
      return new Step(action, peer, room, gap, position, twice);
    }

    @Override
    public String toString() {
      String what = switch (action) {
        case GAP -> "GAP " + gap;
        case END, END_WITH_LEAVES -> action + " room" + room;
        default -> action + " p" + peer + " room" + room;
      };
      return what + String.format(Locale.ROOT, " @%.2f", priority) + (twice ? " x2" : "");
    }
  }

  /** One webhook: its delivery id, what it says (for failure messages), its payload and when it is sent. */
  record Delivery(String id, String what, String payload, double priority, boolean twice) {
    @Override
    public String toString() {
      return id + " " + what;
    }
  }

  /** The steps of a history, which also say the order and repeats of its deliveries. */
  record Scenario(List<Step> steps) {
    static Scenario random(Random r) {
      int n = 1 + r.nextInt(MAX_STEPS);
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        steps.add(Step.random(r, n));
      }
      return new Scenario(steps);
    }

    Scenario without(int from, int count) {
      List<Step> fewer = new ArrayList<>(steps.subList(0, from));
      fewer.addAll(steps.subList(from + count, steps.size()));
      return new Scenario(fewer);
    }

    Scenario with(int i, Step step) {
      List<Step> changed = new ArrayList<>(steps);
      changed.set(i, step);
      return new Scenario(changed);
    }

    @Override
    public String toString() {
      History h = History.of(steps);
      List<Delivery> sent = new ArrayList<>(h.deliveries);
      sent.sort(Comparator.comparingDouble(Delivery::priority));
      return steps.size() + " steps " + steps + "\n  deliveries in order " + h.deliveries + "\n  sent as "
          + sent.stream().map(d -> d.id() + (d.twice() ? " x2" : "")).toList();
    }
  }

  /**
   * A meeting (room 0) and its breakout room (room 1), four peers, and RealtimeKit's payloads
   * for the steps, simulated in order: each room's session id is known the way RealtimeKit
   * knows it (a session ends when its peers have been gone longer than the keep-alive, or
   * with an end).
   */
  static final class History {
    static final String[] ROOMS = {"room-main", "room-breakout"};
    private static final long KEEP_ALIVE = Meeting.DEFAULT_KEEP_ALIVE_SECS * 1000L;
    final List<Delivery> deliveries = new ArrayList<>();
    long lastEventAt = BASE.toEpochMilli();

    private final int[] peerRoom = {-1, -1, -1, -1};
    private final long[] peerJoinedAt = new long[4];
    private final String[] session = new String[2];
    private final int[] present = new int[2];
    private final long[] lastLeave = new long[2];
    private int sessions;
    private long now = BASE.toEpochMilli();
    private Step step;

    static History of(List<Step> steps) {
      History h = new History();
      steps.forEach(h::apply);
      return h;
    }

    private void apply(Step s) {
      step = s;
      if (s.action() == Action.GAP) {
        now += s.gap().millis;
        return;
      }
      now += 1_000;
      switch (s.action()) {
        case JOIN -> {
          if (peerRoom[s.peer()] < 0) {
            join(s.peer(), s.room());
          }
        }
        case LEAVE -> {
          if (peerRoom[s.peer()] >= 0) {
            leave(s.peer());
          }
        }
        case MOVE -> {
          int from = peerRoom[s.peer()];
          if (from >= 0) {
            leave(s.peer());
            join(s.peer(), 1 - from);
          }
        }
        case END, END_WITH_LEAVES -> end(s.room(), s.action() == Action.END_WITH_LEAVES);
        default -> throw new IllegalStateException();
      }
    }

    /** The room's session as RealtimeKit would name it now: none once the keep-alive has run out. */
    private String sessionOf(int room) {
      if (session[room] != null && present[room] == 0 && now > lastLeave[room] + KEEP_ALIVE) {
        session[room] = null;
      }
      return session[room];
    }

    private ObjectNode meeting(int room) {
      // The title on some payloads only: the meeting gets it whichever comes first.
      ObjectNode m = RtkWebhooks.meeting(ROOMS[room], session[room], room == 0 ? "Weekly sync" : "Breakout");
      if ((deliveries.size() & 1) == 1) {
        m.remove("title");
      }
      return m;
    }

    private void join(int peer, int room) {
      if (sessionOf(room) == null) {
        session[room] = "sess-" + (++sessions);
        add("started " + ROOMS[room], RtkWebhooks.started(meeting(room)));
      }
      peerRoom[peer] = room;
      peerJoinedAt[peer] = now;
      present[room]++;
      add("join p" + peer + " " + ROOMS[room] + " " + at(now), RtkWebhooks.joined(meeting(room), "p" + peer,
          "Peer " + peer, "user-" + peer, at(now)));
    }

    private void leave(int peer) {
      int room = peerRoom[peer];
      add("leave p" + peer + " " + ROOMS[room] + " " + at(now), RtkWebhooks.left(meeting(room), "p" + peer,
          "Peer " + peer, at(peerJoinedAt[peer]), at(now)));
      peerRoom[peer] = -1;
      present[room]--;
      lastLeave[room] = now;
    }

    private void end(int room, boolean withLeaves) {
      if (sessionOf(room) == null) {
        return;
      }
      for (int peer = 0; peer < peerRoom.length; peer++) {
        if (peerRoom[peer] == room) {
          if (withLeaves) {
            leave(peer);
          } else {
            peerRoom[peer] = -1;
            present[room]--;
          }
        }
      }
      add("end " + ROOMS[room] + " " + at(now), RtkWebhooks.ended(meeting(room), at(now),
          withLeaves ? "ALL_PARTICIPANTS_LEFT" : "HOST_ENDED_MEETING"));
      session[room] = null;
    }

    private void add(String what, String payload) {
      // A step's own deliveries keep their order among themselves.
      double priority = step.priority() + 1e-6 * deliveries.size();
      deliveries.add(new Delivery("d-" + deliveries.size(), what, payload, priority, step.twice()));
      lastEventAt = now;
    }

    private static String at(long millis) {
      return Instant.ofEpochMilli(millis).toString();
    }
  }
}
