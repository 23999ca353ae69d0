package dev.rtksessions.cli;

import dev.rtksessions.sdk.RealtimeKitClient;
import dev.rtksessions.sdk.param.EventPostParams;
import dev.rtksessions.sdk.param.EventPostParams.Event;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rtk-sessions simulate}: realistic traffic through the events API — peers joining and
 * leaving many meetings (some with a breakout room) at a steady rate, with progress printed
 * every second. At the end every peer leaves, so the sessions wind down on their keep-alive.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Drive realistic join/leave traffic through the events API, for demos and load.")
final class SimulateCommand implements Callable<Integer> {
  private static final int BATCH = 500;
  private static final String[] WORDS = {"Standup", "Design review", "Office hours", "Onboarding", "Planning",
      "Retro", "Support", "All hands", "Interview", "Workshop"};

  @Mixin ApiOptions api;
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--app", required = true, description = "App id.") String app;
  @Option(names = "--meetings", defaultValue = "20", description = "Meetings to fill (default ${DEFAULT-VALUE}).")
  int meetings;
  @Option(names = "--rate", defaultValue = "50", description = "Events per second (default ${DEFAULT-VALUE}).")
  double rate;
  @Option(names = "--duration", defaultValue = "30s",
      description = "How long: 30s, 5m, 1h or an ISO-8601 duration (default ${DEFAULT-VALUE}).")
  String duration;
  @Option(names = "--seed", description = "Random seed, for repeatable traffic.") Long seed;

  /** One simulated room: who is in it and how full it wants to be. */
  private static final class Room {
    final String id;
    final String title;
    final Room parent;
    final List<String> present = new ArrayList<>();
    int target;

    Room(String id, String title, Room parent) {
      this.id = id;
      this.title = title;
      this.parent = parent;
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cli = spec.commandLine();
    Duration length = parseDuration(cli, duration);
    if (meetings < 1 || meetings > 100_000) {
      throw new CommandLine.ParameterException(cli, "--meetings must be 1-100000, got " + meetings);
    }
    if (rate <= 0 || rate > 1_000_000) {
      throw new CommandLine.ParameterException(cli, "--rate must be above 0 and at most 1000000, got " + rate);
    }
    String account = api.account();
    RealtimeKitClient client = api.client();
    Random random = seed == null ? new Random() : new Random(seed);
    String run = Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36);
    List<Room> rooms = rooms(run, random);
    PrintWriter err = cli.getErr();

    long started = System.nanoTime();
    long sent = 0;
    long peers = 0;
    long nextReport = 1;
    List<Event> pending = new ArrayList<>();
    while (true) {
      double elapsed = (System.nanoTime() - started) / 1e9;
      if (elapsed >= length.toMillis() / 1000.0) {
        break;
      }
      long due = (long) (elapsed * rate) - sent - pending.size();
      for (long i = 0; i < due; i++) {
        pending.add(step(rooms.get(random.nextInt(rooms.size())), run, peers++, random));
      }
      sent += flush(client, account, pending);
      if (elapsed >= nextReport) {
        err.printf("%4ds  events sent %d (%.0f/s)  peers present %d%n", nextReport, sent, sent / elapsed,
            rooms.stream().mapToInt(r -> r.present.size()).sum());
        err.flush();
        nextReport++;
      }
      Thread.sleep(50);
    }
    for (Room r : rooms) {
      for (String peer : r.present) {
        pending.add(Event.left("sim-" + run + "-" + (peers++), r.id, peer, Instant.now()));
      }
      r.present.clear();
    }
    sent += flush(client, account, pending);
    cli.getOut().printf("sent %d events to %d meetings in %s (run %s)%n", sent, rooms.size(), length, run);
    cli.getOut().flush();
    return 0;
  }

  private List<Room> rooms(String run, Random random) {
    List<Room> rooms = new ArrayList<>();
    for (int i = 0; i < meetings; i++) {
      Room room = new Room("sim-" + run + "-m" + i, WORDS[random.nextInt(WORDS.length)] + " " + i, null);
      room.target = target(random);
      rooms.add(room);
      if (i % 5 == 4) {
        Room breakout = new Room(room.id + "-breakout", room.title + " (breakout)", room);
        breakout.target = 1 + random.nextInt(3);
        rooms.add(breakout);
      }
    }
    return rooms;
  }

  /** Most rooms are small, a few are large. */
  private static int target(Random random) {
    return random.nextInt(10) < 8 ? 1 + random.nextInt(4) : 5 + random.nextInt(30);
  }

  /** The next thing that happens in a room: someone joins it, or someone leaves it. */
  private static Event step(Room room, String run, long n, Random random) {
    String eventId = "sim-" + run + "-" + n;
    boolean parentEmpty = room.parent != null && room.parent.present.isEmpty();
    if (parentEmpty && room.present.isEmpty()) {
      return step(room.parent, run, n, random); // a breakout room fills only while its main room is in use
    }
    if (!room.present.isEmpty() && (room.present.size() >= room.target || parentEmpty || random.nextInt(4) == 0)) {
      String peer = room.present.remove(random.nextInt(room.present.size()));
      if (room.present.isEmpty()) {
        room.target = target(random);
      }
      return Event.left(eventId, room.id, peer, Instant.now());
    }
    String peer = "sim-" + run + "-peer-" + n;
    room.present.add(peer);
    return Event.joined(eventId, room.id, peer, Instant.now())
        .withParticipant("Guest " + n, "user-" + random.nextInt(1000))
        .withMeeting(room.title, room.parent == null ? null : room.parent.id);
  }

  /** Posts the pending events in batches; returns how many were sent. */
  private long flush(RealtimeKitClient client, String account, List<Event> pending) {
    long sent = 0;
    for (int i = 0; i < pending.size(); i += BATCH) {
      List<Event> batch = pending.subList(i, Math.min(pending.size(), i + BATCH));
      client.realtimeKit().events().post(app, EventPostParams.builder().accountId(account).addEvents(batch).build());
      sent += batch.size();
    }
    pending.clear();
    return sent;
  }

  static Duration parseDuration(CommandLine cli, String text) {
    try {
      if (text.matches("\\d+[smh]")) {
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(cli, "--duration must be like 30s, 5m, 1h or PT90S, got '" + text + "'");
    }
  }
}
