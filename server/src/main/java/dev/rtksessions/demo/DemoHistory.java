package dev.rtksessions.demo;

import dev.rtksessions.model.EventType;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.SessionType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The demo app's history as participant events: about six weeks of meetings that end at
 * {@code now}, with a few sessions still LIVE. It only writes the events, the way a
 * RealtimeKit integration would report them; what sessions they make is the engine's
 * business. Every choice comes from one seeded {@link Random}, so a given {@code now}
 * always gives the same history.
 */
final class DemoHistory {
  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  private static final long DAY = 24 * HOUR;

  private static final long SPAN = 42 * DAY;
  private static final long SEED = 20250304L;
  /** Sessions aimed at before the ones that do not fit (overlaps are pushed later, the end cuts some). */
  private static final int TARGET_SESSIONS = 3_000;
  /** Exponent of the meetings' popularity: the k-th most used meeting gets about k^-0.6 of the sessions. */
  private static final double POPULARITY = 0.6;
  private static final int LIVE_MEETINGS = 12;
  /** Meetings whose last peer left within the keep-alive, so their session is LIVE with nobody in it. */
  private static final int KEEP_ALIVE_MEETINGS = 2;
  /** Well over the 60 s keep-alive: sessions of one meeting closer than that would merge into one (spec §3). */
  private static final long MIN_GAP = 5 * MINUTE;
  /** Ended sessions stop this long before now, past the keep-alive, so they read as ENDED. */
  private static final long SETTLED = 2 * MINUTE;
  /** Most peers in a session at one time (second devices count: each is a peer). */
  private static final int MAX_PEERS = 50;
  private static final int PEOPLE = 140;
  private static final String HOST = "host";
  private static final String PARTICIPANT = "participant";

  private static final String[] FIRST_NAMES = {"Alice", "Bob", "Chen", "Dana", "Emeka", "Farah", "Gustavo", "Hana",
      "Ivan", "Jana", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma",
      "Viktor", "Wen", "Ximena", "Yusuf", "Zoë", "Aiko", "Björn", "Chloé", "Diego", "Elif", "Finn", "Grace", "Hugo",
      "Isla", "José", "Kai", "Leila", "Marco", "Noor"};
  private static final String[] LAST_NAMES = {"Nguyen", "Smith", "Okafor", "García", "Kowalski", "Haddad", "Müller",
      "Tanaka", "Rossi", "Singh", "Johansson", "Dubois", "Silva", "Kim", "O'Brien", "Petrov", "Mensah", "Cohen",
      "Jensen", "Ibrahim", "Novak", "Fischer", "Lopez", "Park", "Ahmed", "Moreau", "Costa", "Yilmaz", "Walsh",
      "Sato"};
  private static final String[] TEAMS = {"Platform", "Mobile", "Payments", "Growth", "Data", "Infra", "Web",
      "Security", "Design", "Support", "Billing", "Search"};
  private static final String[] TEAM_TOPICS = {"design review", "sprint planning", "retrospective",
      "architecture sync", "roadmap review", "incident review", "backlog grooming", "hiring sync", "metrics review",
      "demo", "office hours", "tech talk"};
  private static final String[] CUSTOMERS = {"ACME", "Globex", "Initech", "Umbrella", "Hooli", "Stark Industries",
      "Wayne Enterprises", "Soylent", "Vandelay", "Wonka", "Tyrell", "Cyberdyne"};
  private static final String[] CUSTOMER_TOPICS = {"Customer onboarding", "Quarterly business review",
      "Support escalation", "Renewal call", "Technical deep dive", "Kickoff"};
  private static final String[] ROOMS = {"Room A", "Room B", "Room C"};

  /** Kinds of meeting, with the usual length of their sessions. */
  private enum Kind {
    DROP_IN(20), ONE_ON_ONE(30), STANDUP(15), TEAM(50), CUSTOMER(45), LARGE(60), WORKSHOP(120);

    final long length;

    Kind(int minutes) {
      this.length = minutes * MINUTE;
    }
  }

  private record Person(String userId, String customId, String name) {}

  /**
   * A meeting: its usual number of attendees, who usually attends (the first is its owner,
   * usually the host), its parent when it is a breakout room, and its breakout rooms.
   */
  private record Plan(String id, String title, Kind kind, SessionType type, int size, List<Person> regulars,
      String parentId, List<Plan> rooms) {}

  /** One peer's time in a session as planned; what of it has happened by now is decided on emitting. */
  private record Stint(Person person, String peerId, String preset, long join, long leave) {}

  /** One session as planned: its peers (the host first) and, when the host ends it for all, that time. */
  private record Run(Plan meeting, List<Stint> stints, Long endedAt) {
    long end() {
      return endedAt != null ? endedAt : stints.stream().mapToLong(Stint::leave).max().orElseThrow();
    }

    Stint host() {
      return stints.get(0);
    }
  }

  private final long now;
  private final long from;
  private final Random rnd = new Random(SEED);
  private final List<Person> people;
  private final List<ParticipantEvent> events = new ArrayList<>();
  private final Set<String> titled = new HashSet<>();

  DemoHistory(long now) {
    this.now = now;
    this.from = now - SPAN;
    this.people = people();
  }

  /** The events of the whole history, in no particular order. */
  List<ParticipantEvent> events() {
    List<Plan> meetings = meetings();
    // The first meetings of a random order end LIVE; one has breakout rooms, so live rooms show too.
    List<Plan> ending = new ArrayList<>(meetings);
    Collections.shuffle(ending, rnd);
    Plan workshop = ending.stream().filter(m -> m.kind == Kind.WORKSHOP).findFirst().orElseThrow();
    ending.remove(workshop);
    ending.add(0, workshop);

    double total = 0;
    for (int rank = 1; rank <= meetings.size(); rank++) {
      total += Math.pow(rank, -POPULARITY);
    }
    for (int rank = 1; rank <= meetings.size(); rank++) {
      Plan m = meetings.get(rank - 1);
      int sessions = (int) Math.round(TARGET_SESSIONS * Math.pow(rank, -POPULARITY) / total);
      int position = ending.indexOf(m);
      if (position == 0) {
        // The live workshop: its breakout rooms opened minutes ago and are still open.
        long start = now - between(30 * MINUTE, 50 * MINUTE);
        history(m, sessions, start - MIN_GAP);
        Run run = run(m, attendees(m, Math.max(12, size(m))), start, now + between(20 * MINUTE, 40 * MINUTE), true);
        withBreakouts(run, now - between(5 * MINUTE, 15 * MINUTE), now + between(5 * MINUTE, 15 * MINUTE))
            .forEach(this::emit);
      } else if (position < LIVE_MEETINGS) {
        long start = now - between(3 * MINUTE, 55 * MINUTE);
        history(m, sessions, start - MIN_GAP);
        // The host stays on past now, so peers are present: LIVE.
        record(run(m, attendees(m, size(m)), start, now + between(10 * MINUTE, 30 * MINUTE), true));
      } else if (position < LIVE_MEETINGS + KEEP_ALIVE_MEETINGS) {
        long start = now - between(12 * MINUTE, 35 * MINUTE);
        history(m, sessions, start - MIN_GAP);
        // Everyone has left, the last one seconds ago: LIVE with nobody in it until the keep-alive runs out.
        record(run(m, attendees(m, size(m)), start, now - between(10 * SECOND, 50 * SECOND), false));
      } else {
        history(m, sessions, now - SETTLED);
      }
    }
    return events;
  }

  // ---- meetings and people -----------------------------------------------------------------

  private List<Person> people() {
    List<Person> all = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (all.size() < PEOPLE) {
      String name = pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
      if (names.add(name)) {
        all.add(new Person(uuid(), "emp-" + (1001 + all.size()), name));
      }
    }
    return all;
  }

  /**
   * The top-level meetings, most used first: a shuffled mix of small kinds, then the big
   * ones, which meet less often. Workshops carry their breakout meetings in {@code rooms}.
   */
  private List<Plan> meetings() {
    Set<String> titles = new HashSet<>();
    List<Plan> small = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      List<Person> pair = sample(people, 2);
      String title = "1:1 " + firstName(pair.get(0)) + " / " + firstName(pair.get(1));
      if (titles.add(title)) {
        small.add(plan(title, Kind.ONE_ON_ONE, SessionType.MEETING, 2, pair, null));
      }
    }
    for (String team : sample(List.of(TEAMS), 6)) {
      String title = "Daily standup - " + team;
      titles.add(title);
      small.add(plan(title, Kind.STANDUP, SessionType.MEETING, 4 + rnd.nextInt(6), null, null));
    }
    int teamMeetings = small.size() + 18;
    while (small.size() < teamMeetings) {
      String topic = pick(TEAM_TOPICS);
      String title = Character.toUpperCase(topic.charAt(0)) + topic.substring(1) + " - " + pick(TEAMS);
      if (titles.add(title)) {
        small.add(plan(title, Kind.TEAM, SessionType.MEETING, 3 + longTail(9), null, null));
      }
    }
    int customerMeetings = small.size() + 14;
    while (small.size() < customerMeetings) {
      String title = pick(CUSTOMER_TOPICS) + " - " + pick(CUSTOMERS);
      if (titles.add(title)) {
        small.add(plan(title, Kind.CUSTOMER, SessionType.MEETING, 2 + longTail(5), null, null));
      }
    }
    Collections.shuffle(small, rnd);

    // Rooms that are open all day are the most used; the big meetings happen least often.
    List<Plan> all = new ArrayList<>();
    for (String title : List.of("Support drop-in room", "Sales demo room", "Open office hours", "Watercooler")) {
      all.add(plan(title, Kind.DROP_IN, SessionType.MEETING, 2 + longTail(4), null, null));
    }
    all.addAll(small);
    all.add(plan("Company all-hands", Kind.LARGE, SessionType.MEETING, 42, null, null));
    all.add(plan("Engineering town hall", Kind.LARGE, SessionType.MEETING, 30, null, null));
    all.add(plan("Product webinar: What's new", Kind.LARGE, SessionType.LIVESTREAM, 38, null, null));
    all.add(plan("Live Q&A with the founders", Kind.LARGE, SessionType.LIVESTREAM, 26, null, null));
    all.add(plan("Sales kickoff", Kind.LARGE, SessionType.MEETING, 22, null, null));
    for (String title : List.of("Quarterly planning workshop", "Onboarding bootcamp", "Design sprint")) {
      Plan workshop = plan(title, Kind.WORKSHOP, SessionType.MEETING, 12 + rnd.nextInt(12), null, null);
      for (String room : ROOMS) {
        workshop.rooms.add(plan(title + " - " + room, Kind.WORKSHOP, SessionType.MEETING, 0, List.of(), workshop.id));
      }
      all.add(workshop);
    }
    return all;
  }

  private Plan plan(String title, Kind kind, SessionType type, int size, List<Person> regulars, String parentId) {
    List<Person> usual = regulars != null ? regulars : sample(people, Math.min(people.size(), size * 3 / 2 + 2));
    return new Plan(uuid(), title, kind, type, size, usual, parentId, new ArrayList<>());
  }

  // ---- sessions ------------------------------------------------------------------------------

  /**
   * About {@code sessions} ended sessions of {@code m}, all over by {@code cutoff}. Starts
   * fall mostly in office hours; one that would overlap the previous session is pushed
   * past it by {@link #MIN_GAP}.
   */
  private void history(Plan m, int sessions, long cutoff) {
    List<Long> starts = new ArrayList<>(sessions);
    for (int i = 0; i < sessions; i++) {
      starts.add(plausibleStart());
    }
    Collections.sort(starts);
    long free = from;
    for (long candidate : starts) {
      long start = Math.max(candidate, free);
      List<Person> who = attendees(m, size(m));
      long length = who.size() == 1
          ? between(2 * MINUTE, 10 * MINUTE)
          : Math.max(3 * MINUTE, (long) (m.kind.length * Math.exp(rnd.nextGaussian() * 0.35)));
      Run run = run(m, who, start, start + length, true);
      if (who.size() > 1 && rnd.nextDouble() < 0.12) {
        run = new Run(m, run.stints, start + length); // the host ends the meeting for all
      }
      if (run.end() > cutoff) {
        return; // and so would the later starts, pushed past this one
      }
      record(run);
      free = run.end() + MIN_GAP;
    }
  }

  /**
   * Plans who is in one session when: the host from {@code start} to {@code hostEnd}, the
   * others joining while the host is there, so the room is never empty in between. With
   * {@code stragglers} some stay a little after the host.
   */
  private Run run(Plan m, List<Person> who, long start, long hostEnd, boolean stragglers) {
    List<Stint> stints = new ArrayList<>();
    Stint host = new Stint(who.get(0), uuid(), HOST, start, hostEnd);
    stints.add(host);
    if (who.size() < MAX_PEERS && rnd.nextDouble() < 0.05) {
      stints.add(secondDevice(host));
    }
    long length = hostEnd - start;
    for (int i = 1; i < who.size(); i++) {
      long join = start + (rnd.nextDouble() < 0.1
          ? (long) (rnd.nextDouble() * length * 0.6)
          : Math.min((long) (-Math.log(1 - rnd.nextDouble()) * 90 * SECOND), length / 2));
      long leave = rnd.nextDouble() < 0.15
          ? join + (long) ((hostEnd - join) * (0.2 + 0.7 * rnd.nextDouble()))
          : hostEnd + (long) (rnd.nextGaussian() * MINUTE);
      leave = Math.max(join + 30 * SECOND, Math.min(leave, stragglers ? hostEnd + 3 * MINUTE : hostEnd));
      // Extra peers (reconnects, second devices) only while they keep the session within MAX_PEERS.
      attend(stints, who.get(i), join, leave, stints.size() + who.size() - i < MAX_PEERS);
    }
    return new Run(m, stints, null);
  }

  /** Emits a session and, for most workshops of forty minutes or more, breakout rooms inside it. */
  private void record(Run run) {
    long start = run.host().join();
    long length = run.host().leave() - start;
    if (!run.meeting.rooms.isEmpty() && length >= 40 * MINUTE && rnd.nextDouble() < 0.8) {
      // Rooms close at three quarters of the session at the latest, minutes before the host leaves.
      long open = start + (long) (length * (0.15 + 0.15 * rnd.nextDouble()));
      long close = open + (long) (length * (0.3 + 0.15 * rnd.nextDouble()));
      withBreakouts(run, open, close).forEach(this::emit);
    } else {
      emit(run);
    }
  }

  /**
   * Peers for one person: usually one stint; sometimes a reconnect (the first peer drops,
   * a new peer id comes back seconds later) or a second device alongside.
   */
  private void attend(List<Stint> stints, Person p, long join, long leave, boolean extraPeer) {
    if (extraPeer && leave - join > 5 * MINUTE && rnd.nextDouble() < 0.05) {
      long drop = join + (long) ((leave - join) * 0.5 * rnd.nextDouble()) + SECOND;
      stints.add(new Stint(p, uuid(), PARTICIPANT, join, drop));
      stints.add(new Stint(p, uuid(), PARTICIPANT, drop + between(5 * SECOND, 40 * SECOND), leave));
    } else {
      Stint stint = new Stint(p, uuid(), PARTICIPANT, join, leave);
      stints.add(stint);
      if (extraPeer && rnd.nextDouble() < 0.03) {
        stints.add(secondDevice(stint));
      }
    }
  }

  /** The same person on another device (a phone for the audio, say), inside the first peer's time. */
  private Stint secondDevice(Stint first) {
    long join = first.join + (long) ((first.leave - first.join) * 0.5 * rnd.nextDouble()) + SECOND;
    long leave = join + (long) ((first.leave - join) * (0.1 + 0.9 * rnd.nextDouble()));
    return new Stint(first.person, uuid(), first.preset, join, Math.max(leave, join + SECOND));
  }

  /**
   * The session with two or three breakout rooms from {@code open} to {@code close}, then
   * the rooms. The guests there all along move: each leaves the main room as they enter
   * theirs and comes back as a new peer when it closes. The host stays, so the session
   * stays LIVE, and each room's session runs inside it. The host closes all rooms at once,
   * half of the time with an explicit end. Too few guests: just the session.
   */
  private List<Run> withBreakouts(Run parent, long open, long close) {
    Set<Person> guests = new LinkedHashSet<>();
    for (Stint s : parent.stints) {
      if (staysThrough(s, open, close)) {
        guests.add(s.person);
      }
    }
    if (guests.size() < 6) {
      return List.of(parent);
    }
    List<Plan> rooms = parent.meeting.rooms;
    int count = 2 + rnd.nextInt(rooms.size() - 1);
    boolean closedByHost = rnd.nextBoolean();
    List<List<Stint>> roomStints = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      roomStints.add(new ArrayList<>());
    }
    Map<Person, Stint> inRoom = new HashMap<>();
    int next = 0;
    for (Person p : guests) {
      List<Stint> stints = roomStints.get(next++ % count);
      // The first in opens the room at the moment it opens and is the last out.
      boolean first = stints.isEmpty();
      long join = first ? open : open + between(SECOND, 45 * SECOND);
      long leave = first ? close + 45 * SECOND : close + between(-45 * SECOND, 45 * SECOND);
      Stint stint = new Stint(p, uuid(), PARTICIPANT, join, leave);
      stints.add(stint);
      inRoom.put(p, stint);
    }

    List<Stint> main = new ArrayList<>();
    List<Stint> back = new ArrayList<>();
    for (Stint s : parent.stints) {
      Stint room = inRoom.get(s.person);
      if (room != null && staysThrough(s, open, close)) {
        main.add(new Stint(s.person, s.peerId, s.preset, s.join, room.join));
        back.add(new Stint(s.person, uuid(), s.preset, room.leave + between(SECOND, 5 * SECOND), s.leave));
      } else {
        main.add(s);
      }
    }
    main.addAll(back);
    List<Run> runs = new ArrayList<>();
    runs.add(new Run(parent.meeting, main, parent.endedAt));
    for (int r = 0; r < count; r++) {
      runs.add(new Run(rooms.get(r), roomStints.get(r), closedByHost ? close : null));
    }
    return runs;
  }

  /** A guest's peer in the main room from before the rooms open until well after they close. */
  private static boolean staysThrough(Stint s, long open, long close) {
    return !s.preset.equals(HOST) && s.join < open && s.leave > close + 2 * MINUTE;
  }

  /**
   * Writes a session's events as they would have been reported by now: nothing after
   * {@code now} (peers still present have no leave yet), and nothing after an explicit end,
   * which closes the peers still present.
   */
  private void emit(Run run) {
    boolean ended = run.endedAt != null && run.endedAt <= now;
    long cut = ended ? run.endedAt : now;
    for (Stint s : run.stints) {
      if (s.join > cut) {
        continue;
      }
      add(EventType.JOINED, run.meeting, s.join, s);
      if (s.leave <= cut) {
        add(EventType.LEFT, run.meeting, s.leave, s);
      }
    }
    if (ended) {
      add(EventType.SESSION_ENDED, run.meeting, run.endedAt, null);
    }
  }

  /**
   * One event. A meeting's events are made in time order, so its first one, which creates
   * the meeting, carries the title; every event of a breakout room names its parent.
   */
  private void add(EventType type, Plan m, long at, Stint s) {
    Person p = s == null ? null : s.person;
    String title = titled.add(m.id) ? m.title : null;
    events.add(new ParticipantEvent("demo-" + (events.size() + 1), type, m.id, at, s == null ? null : s.peerId,
        null, p == null ? null : p.userId, p == null ? null : p.customId, p == null ? null : p.name,
        s == null ? null : s.preset, m.type, null, title, m.parentId));
  }

  // ---- random choices ------------------------------------------------------------------------

  /** A session start in the span: mostly weekdays 07:00-18:00 UTC, on the hour or half hour, give or take. */
  private long plausibleStart() {
    while (true) {
      long day = from - Math.floorMod(from, DAY) + rnd.nextInt(43) * DAY;
      DayOfWeek weekday = Instant.ofEpochMilli(day).atOffset(ZoneOffset.UTC).getDayOfWeek();
      if ((weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) && rnd.nextDouble() < 0.85) {
        continue;
      }
      long slot = rnd.nextDouble() < 0.9 ? 14 + rnd.nextInt(22) : rnd.nextInt(48);
      long at = day + slot * 30 * MINUTE + between(-2 * MINUTE, 5 * MINUTE);
      if (at >= from && at < now) {
        return at;
      }
    }
  }

  /** Peers in one session: around the meeting's usual size; now and then the host waits alone. */
  private int size(Plan m) {
    if (rnd.nextDouble() < 0.05) {
      return 1;
    }
    long size = Math.round(m.size * Math.exp(rnd.nextGaussian() * 0.3));
    return (int) Math.max(1, Math.min(MAX_PEERS, size));
  }

  /** The owner usually hosts; the others come from the regulars, then from everyone. */
  private List<Person> attendees(Plan m, int size) {
    List<Person> pool = new ArrayList<>(m.regulars);
    Collections.shuffle(pool.subList(1, pool.size()), rnd);
    if (rnd.nextDouble() < 0.2) {
      Collections.swap(pool, 0, 1 + rnd.nextInt(pool.size() - 1));
    }
    Set<Person> chosen = new LinkedHashSet<>(pool.subList(0, Math.min(size, pool.size())));
    while (chosen.size() < size) {
      chosen.add(people.get(rnd.nextInt(people.size())));
    }
    return new ArrayList<>(chosen);
  }

  /** 0 up to {@code max}, small values far more likely. */
  private int longTail(int max) {
    return (int) Math.min(max, Math.floor(-Math.log(1 - rnd.nextDouble()) * max / 4));
  }

  private long between(long min, long max) {
    return min + (long) (rnd.nextDouble() * (max - min));
  }

  private <T> T pick(T[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private <T> List<T> sample(List<T> values, int count) {
    List<T> copy = new ArrayList<>(values);
    Collections.shuffle(copy, rnd);
    return new ArrayList<>(copy.subList(0, count));
  }

  private static String firstName(Person p) {
    return p.name.substring(0, p.name.indexOf(' '));
  }

  /** A random-looking (version 4 shaped) but reproducible UUID. */
  private String uuid() {
    long high = (rnd.nextLong() & ~0xF000L) | 0x4000L;
    long low = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }
}
