package dev.rtksessions.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rtksessions.api.Json;
import dev.rtksessions.api.Timestamps;
import dev.rtksessions.engine.HeldEvents;
import dev.rtksessions.model.HeldEvent;
import dev.rtksessions.storage.Database;
import dev.rtksessions.storage.Stores;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtk-sessions held-events}: the webhook events recorded but still waiting for an event
 * they need (a leave for its join), oldest first, from the configured store.
 */
@Command(name = "held-events", mixinStandardHelpOptions = true,
    description = "List webhook events that wait for an event they need (a leave for its join), oldest first.")
final class HeldEventsCommand implements Callable<Integer> {
  @Mixin StorageOptions storage;
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--app", description = "Only this app's events.") String app;

  @Option(names = "--limit", defaultValue = "100", description = "At most this many (1-10000, default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--held-report-after", defaultValue = "${env:RTK_HELD_REPORT_AFTER:-15m}",
      converter = DurationConverter.class,
      description = "Count as overdue what waited longer than this, as serve does (env RTK_HELD_REPORT_AFTER,"
          + " default ${DEFAULT-VALUE}).")
  Duration reportAfter;

  @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table, json or csv (default ${DEFAULT-VALUE}).")
  String output;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 10_000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1-10000, got " + limit);
    }
    Table.Format format;
    try {
      format = Table.Format.valueOf(output.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--output must be table, json or csv, got '" + output + "'");
    }
    try (Database db = storage.open()) {
      Clock clock = Clock.systemUTC();
      HeldEvents held = new HeldEvents(Stores.on(db).held(), clock, reportAfter);
      List<HeldEvent> oldest = held.oldest(app, limit);
      Table table = new Table("RECEIVED", "WAITING", "APP", "EVENT", "TYPE", "MEETING", "PEER", "AT", "REPORTED");
      for (HeldEvent h : oldest) {
        table.add(json(h), Timestamps.format(h.receivedAt()), waited(clock.millis() - h.receivedAt()), h.appId(),
            h.eventId(), h.type().wire(), h.meetingId(), h.peerId(), Timestamps.format(h.at()),
            h.reportedAt() == null ? "" : Timestamps.format(h.reportedAt()));
      }
      table.print(spec.commandLine().getOut(), format);
      HeldEvent.Tally tally = held.tally();
      spec.commandLine().getErr().println(tally.waiting() + " waiting, " + tally.overdue() + " longer than "
          + waited(held.reportAfter().toMillis()));
    }
    return 0;
  }

  private static ObjectNode json(HeldEvent h) {
    ObjectNode json = Json.MAPPER.createObjectNode().put("app_id", h.appId()).put("event_id", h.eventId())
        .put("type", h.type().wire()).put("meeting_id", h.meetingId()).put("peer_id", h.peerId())
        .put("session_id", h.sessionId()).put("at", Timestamps.format(h.at()))
        .put("received_at", Timestamps.format(h.receivedAt()));
    json.put("reported_at", h.reportedAt() == null ? null : Timestamps.format(h.reportedAt()));
    return json;
  }

  private static String waited(long millis) {
    Duration d = Duration.ofMillis(Math.max(0, millis));
    if (d.toDays() > 0) {
      return d.toDays() + "d" + d.toHoursPart() + "h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + "h" + d.toMinutesPart() + "m";
    }
    return d.toMinutes() > 0 ? d.toMinutes() + "m" + d.toSecondsPart() + "s" : d.toSeconds() + "s";
  }
}
