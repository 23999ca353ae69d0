package dev.rtksessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.TestDatabases;
import dev.rtksessions.testing.TestService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

/**
 * The client commands (sessions, apps, meetings, simulate) against the real service over a
 * real socket: their output in each format, paging with --all, and the exit codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientCommandsTest {
  static final Instant BASE = Instant.parse("2025-03-04T10:00:00Z");
  TestService t;
  String app;


  @BeforeAll
  void start() {
    t = TestService.start(TestDatabases.Kind.SQLITE);
    app = t.newApp();
    Events ev = new Events(BASE);
    for (int i = 0; i < 25; i++) {
      ev.join("room-" + i, "p" + i, i * 600).with("meeting_title", "Room " + i).with("display_name", "Peer " + i);
      ev.join("room-" + i, "q" + i, i * 600 + 30);
      ev.leave("room-" + i, "p" + i, i * 600 + 90);
      ev.leave("room-" + i, "q" + i, i * 600 + 120);
    }
    ev.join("live", "x", 20_000).with("meeting_title", "Still running");
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
    t.clock.set(BASE.plusSeconds(21_000));
  }

  @AfterAll
  void stop() {
    t.close();
  }

  private CliRun run(String... args) {
    return CliRun.of(List.of("--token", t.adminToken, "--base-url", t.service.baseUrl(), "--account", t.accountId),
        args);
  }

  private static CliRun runRaw(String... args) {
    return CliRun.of(List.of(), args);
  }

  @Test
  void listPrintsAnAlignedTableNewestFirst() {
    CliRun r = run("sessions", "list", "--app", app, "--per-page", "5");
    assertThat(r.exit()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).startsWith("ID").contains("MEETING", "TITLE", "STATUS", "LIVE", "PEAK", "MINUTES");
    assertThat(lines).hasSize(6);
    assertThat(lines.get(1)).contains("live", "Still running", "LIVE");
    assertThat(lines.get(2)).contains("room-24", "ENDED", " 3 ");
    // Columns line up: every row has its status where the header has STATUS.
    int status = lines.get(0).indexOf("STATUS");
    assertThat(lines.get(2).substring(status)).startsWith("ENDED");
    assertThat(r.err()).contains("5 of 26 sessions");
  }

  @Test
  void allPagesJsonAndCsv() throws Exception {
    CliRun json = run("sessions", "list", "--app", app, "--all", "--per-page", "7", "-o", "json");
    assertThat(json.exit()).isZero();
    JsonNode sessions = new ObjectMapper().readTree(json.out());
    assertThat(sessions).hasSize(26);
    assertThat(sessions.get(0).get("associated_id").asText()).isEqualTo("live");
    CliRun csv = run("sessions", "list", "--app", app, "--status", "ENDED", "--sort", "minutes", "--order", "asc",
        "--per-page", "2", "-o", "csv");
    List<String> lines = csv.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("ID,MEETING,TITLE,STATUS,LIVE,PEAK,MINUTES,STARTED,ENDED");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains(",ENDED,0,2,3,");
  }

  @Test
  void filtersReachTheApi() {
    CliRun r = run("sessions", "list", "--app", app, "--search", "room 1", "--since", "2025-03-04T11:00:00Z",
        "--until", "2025-03-04T13:00:00+00:00", "--participants", "2", "-o", "csv");
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines().skip(1).map(l -> l.split(",")[1]).toList())
        .containsExactlyInAnyOrder("room-10", "room-11", "room-12", "room-13", "room-14", "room-15",
            "room-16", "room-17", "room-18"); // room-19 started 13:10, room-1 10:10
    assertThat(run("sessions", "list", "--app", app, "--meeting", "room-3", "-o", "csv").out().lines().count())
        .isEqualTo(2);
  }

  @Test
  void showAndParticipants() {
    String id = run("sessions", "list", "--app", app, "--meeting", "room-2", "-o", "csv").out().lines().skip(1)
        .findFirst().orElseThrow().split(",")[0];
    CliRun show = run("sessions", "show", id, "--app", app);
    assertThat(show.exit()).isZero();
    assertThat(show.out()).contains("meeting:     room-2 (Room 2)").contains("status:      ENDED")
        .contains("peak:        2").contains("minutes:     3");
    CliRun people = run("sessions", "participants", id, "--app", app);
    assertThat(people.out().lines().toList()).hasSize(3);
    assertThat(people.out()).contains("p2", "Peer 2", "1.5").contains("q2", "1.5");
  }

  @Test
  void appsAndMeetings() {
    CliRun created = run("apps", "create", "cli app");
    assertThat(created.exit()).isZero();
    String newApp = created.out().trim();
    assertThat(run("apps", "list", "--search", "cli app").out()).contains(newApp, "cli app");
    CliRun meeting = run("meetings", "create", "--app", newApp, "--title", "Board", "--keep-alive", "120");
    assertThat(meeting.exit()).isZero();
    String meetingId = meeting.out().trim();
    CliRun list = run("meetings", "list", "--app", newApp);
    assertThat(list.out()).contains(meetingId, "Board", "ACTIVE", "120s");
  }

  @Test
  void simulateFeedsSessionsThroughTheEventsApi() {
    String simApp = run("apps", "create", "sim").out().trim();
    CliRun sim = run("simulate", "--app", simApp, "--meetings", "5", "--rate", "100", "--duration", "2s", "--seed", "3");
    assertThat(sim.exit()).as(sim.err()).isZero();
    assertThat(sim.out()).contains("events to 6 meetings");
    assertThat(sim.err()).contains("events sent");
    CliRun list = run("sessions", "list", "--app", simApp, "--all", "-o", "csv");
    assertThat(list.out().lines().count()).isGreaterThan(1);
  }

  @Test
  void exitCodesTellWhatWentWrong() {
    CliRun missing = run("sessions", "show", "nope", "--app", app);
    assertThat(missing.exit()).isEqualTo(Main.NOT_FOUND);
    assertThat(missing.err()).contains("404 session nope not found");
    CliRun refused = run("sessions", "list", "--app", app, "--participants", "5:2");
    assertThat(refused.exit()).isEqualTo(Main.REFUSED);
    assertThat(refused.err()).contains("participants min must not exceed max");
    CliRun badToken = runRaw("apps", "list", "--token", "wrong", "--base-url", t.service.baseUrl(), "--account", "a");
    assertThat(badToken.exit()).isEqualTo(Main.NOT_ALLOWED);
    assertThat(badToken.err()).contains("401 Authentication error");
    CliRun unreachable = runRaw("apps", "list", "--token", "x", "--base-url", "http://127.0.0.1:1/client/v4",
        "--account", "a");
    assertThat(unreachable.exit()).isEqualTo(Main.UNAVAILABLE);
    CliRun noToken = runRaw("apps", "list", "--token", "", "--account", "a");
    assertThat(noToken.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(noToken.err()).contains("no API token: set CLOUDFLARE_API_TOKEN or pass --token");
    CliRun badOption = run("sessions", "list", "--app", app, "--sort", "size");
    assertThat(badOption.exit()).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(badOption.err()).contains("--sort must be created or minutes, got 'size'");
    assertThat(run("sessions", "list", "--app", app, "--since", "yesterday").exit())
        .isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(runRaw("sessions", "list", "--help").exit()).isZero();
  }
}
