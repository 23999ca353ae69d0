package dev.rtksessions.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rtksessions.engine.EventOutcome;
import dev.rtksessions.model.EventType;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.service.RtkService;
import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.storage.Database;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtk-sessions held-events} lists what the engine holds, from a real SQLite store. */
class HeldEventsCommandTest {
  @TempDir Path dataDir;

  private CliRun run(String... args) {
    return CliRun.of(List.of("--data-dir", dataDir.toString()), args);
  }

  @Test
  void listsHeldEventsOldestFirstUntilTheirJoinArrives() {
    long at = Instant.parse("2025-03-04T10:05:00Z").toEpochMilli();
    try (RtkService service = RtkService.start(ServiceConfig.of("127.0.0.1", 0, Database.sqliteUrl(dataDir)))) {
      String app = service.catalog().createApp("acc-1", "held").id();
      EventOutcome held = service.engine().ingestHolding(app, event("rtk:u-leave", EventType.LEFT, at), at - 60_000);
      assertThat(held.status()).isEqualTo(EventOutcome.Status.HELD);

      CliRun list = run("held-events");
      assertThat(list.exit()).isZero();
      assertThat(list.out()).contains("RECEIVED").contains(app).contains("rtk:u-leave").contains("participant.left")
          .contains("standup").contains("peer-1").contains("2025-03-04T10:05:00.000Z");
      assertThat(list.err()).contains("1 waiting, 0 longer than 15m0s");
      assertThat(run("held-events", "--app", "other-app").out()).doesNotContain("rtk:u-leave");
      assertThat(run("held-events", "--output", "json").out()).contains("\"event_id\" : \"rtk:u-leave\"")
          .contains("\"type\" : \"participant.left\"");

      service.engine().ingestHolding(app, event("rtk:u-join", EventType.JOINED, at - 60_000), null);
      CliRun after = run("held-events");
      assertThat(after.out()).doesNotContain("rtk:u-leave");
      assertThat(after.err()).contains("0 waiting");
    }
    CliRun bad = run("held-events", "--limit", "0");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--limit must be 1-10000, got 0");
  }

  private static ParticipantEvent event(String id, EventType type, long at) {
    return new ParticipantEvent(id, type, "standup", at, "peer-1", null, null, null, "Alice", null, null, null, null,
        null);
  }
}
