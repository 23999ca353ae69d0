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
 * With {@code --livekit} the same traffic comes as LiveKit's webhooks, one request per event
 * (LiveKit rooms have no breakout rooms, so there are none then).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = "Drive realistic join/leave traffic through the events API (or as LiveKit webhooks), for demos"
        + " and load.")
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
  @Option(names = "--livekit", description = "Send LiveKit webhooks to .../webhooks/livekit instead of batches to the"
      + " events API (needs --livekit-api-key and the secret).")
  boolean livekit;
  @Option(names = "--livekit-api-key", defaultValue = "${env:LIVEKIT_API_KEY}",
      description = "The LiveKit API key that signs the webhooks (env LIVEKIT_API_KEY).")
  String liveKitApiKey;
  @Option(names = "--livekit-api-secret-file",
      description = "A file holding its secret (first line); default: env LIVEKIT_API_SECRET.")
  java.nio.file.Path liveKitSecretFile;

  /** With --livekit: when each present peer joined. */
  private final java.util.Map<String, Instant> liveKitJoins = new java.util.HashMap<>();

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
    LiveKitSender liveKit = livekit ? liveKitSender(cli, account) : null;
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
      sent += flush(client, liveKit, account, pending);
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
    sent += flush(client, liveKit, account, pending);
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
      if (i % 5 == 4 && !livekit) {
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

  private LiveKitSender liveKitSender(CommandLine cli, String account) {
    String secret = System.getenv("LIVEKIT_API_SECRET");
    if (liveKitSecretFile != null) {
      try {
        secret = java.nio.file.Files.readAllLines(liveKitSecretFile).stream().findFirst().orElse("").strip();
      } catch (java.io.IOException e) {
        throw new CommandLine.ParameterException(cli, "--livekit-api-secret-file: cannot read " + liveKitSecretFile
            + ": " + e.getMessage());
      }
    }
    if (liveKitApiKey == null || liveKitApiKey.isBlank() || secret == null || secret.isBlank()) {
      throw new CommandLine.ParameterException(cli, "--livekit needs the API key (--livekit-api-key or LIVEKIT_API_KEY)"
          + " and its secret (--livekit-api-secret-file or LIVEKIT_API_SECRET)");
    }
    String base = api.baseUrl == null || api.baseUrl.isBlank() ? "https://api.cloudflare.com/client/v4" : api.baseUrl;
    return new LiveKitSender(java.net.URI.create(base.replaceAll("/+$", "") + "/accounts/" + account + "/realtime/kit/"
        + app + "/webhooks/livekit"), liveKitApiKey, secret);
  }

  /** Posts the pending events: in batches to the events API, or one LiveKit webhook each; returns how many. */
  private long flush(RealtimeKitClient client, LiveKitSender liveKit, String account, List<Event> pending)
      throws InterruptedException {
    if (liveKit != null) {
      for (Event e : pending) {
        boolean join = e.type().equals(EventPostParams.Type.PARTICIPANT_JOINED);
        // A leave carries the time its peer joined, as LiveKit's do.
        Instant joinedAt = join ? e.at() : liveKitJoins.remove(e.peerId());
        if (join) {
          liveKitJoins.put(e.peerId(), e.at());
        }
        try {
          liveKit.participant(join ? "participant_joined" : "participant_left", e.id(), e.meetingId(), e.peerId(),
              e.peerId(), e.displayName(), joinedAt, e.at());
        } catch (java.io.IOException ex) {
          throw new IllegalStateException("cannot send a LiveKit webhook: " + ex.getMessage(), ex);
        }
      }
      long sent = pending.size();
      pending.clear();
      return sent;
    }
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
