package dev.rtksessions.bench;

import dev.rtksessions.engine.SessionTimeline;
import dev.rtksessions.model.EventType;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingProgress;
import dev.rtksessions.model.MeetingStatus;
import dev.rtksessions.model.Participant;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.model.Session;
import dev.rtksessions.model.SessionType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A synthetic but realistic history: apps, meetings with long-tailed (Zipf) popularity, and
 * each meeting's sessions as participant events. Rows are built with the engine's own pure
 * rules ({@link SessionTimeline#replay}) and breakout sessions are linked to the parent
 * session LIVE at their start, as {@code SessionEngine} does, so what is written is what the
 * engine would have recorded for the same events. Sessions are produced in global time order
 * (a merge over all meetings), as a store filled in real time would hold them.
 */
public final class History {
  /** Where the rows go. */
  public interface Sink {
    /** A meeting, with where its event history stands (as {@code SessionEngine} leaves it). */
    void meeting(Meeting m, MeetingProgress progress) throws Exception;

    void event(String appId, ParticipantEvent e, long receivedAt) throws Exception;

    void session(Session s) throws Exception;

    void participant(Participant p) throws Exception;

    /** Called last, once per app; the counters are recounted from the rows afterwards. */
    void app(String appId, String accountId, String name, long createdAt) throws Exception;
  }

  /** Scale and shape. */
  public record Options(long mainSessions, int otherApps, long otherSessions, int meetings, int liveSessions,
      int breakoutParents, int days, double zipf, long seed, long endMillis) {
    public static Options full(long endMillis) {
      return new Options(5_000_000, 50, 500_000, 100_000, 1_000, 500, 730, 0.8, 42, endMillis);
    }
  }

  public static final String ACCOUNT = "benchacct";
  public static final String MAIN_APP = "b0000000-0000-4000-8000-000000000000";
  /** In exactly this share of meeting titles (1 %), for the search scenario. */
  public static final String RARE_WORD = "quokka";
  private static final double RARE_SHARE = 0.01;
  private static final String[] WORDS = ("weekly daily standup design review sync planning retro sprint demo"
      + " product sales support onboarding interview training workshop webinar town hall office hours"
      + " marketing finance legal hiring roadmap launch customer partner team engineering platform mobile"
      + " backend frontend data security infra budget quarterly kickoff brainstorm feedback coaching"
      + " mentoring class lecture seminar study group book club yoga music lesson tutoring consult"
      + " clinic therapy family friends game night party gathering alpha beta gamma delta north south"
      + " east west blue green red orange violet silver golden").split(" ");
  private static final String[] NAMES = ("Ada Alan Grace Linus Ken Dennis Barbara Margaret Edsger Donald Tim"
      + " Vint Radia Frances John Guido Bjarne James Anders Rich Yukihiro Brendan Larry Sophie Hedy Katherine"
      + " Dorothy Mary Jean Annie").split(" ");
  static final long MINUTE = 60_000L;
  static final long HOUR = 60 * MINUTE;
  static final long DAY = 24 * HOUR;

  private final Options o;
  private final SplittableRandom root;
  private long eventSeq;
  private long peerSeq;
  /** Totals, for the report. */
  public long sessions;
  public long childSessions;
  public long participants;
  public long events;
  public int meetingCount;

  public History(Options o) {
    this.o = o;
    this.root = new SplittableRandom(o.seed());
  }

  /** How many meetings each other app has (see {@link #run}). */
  static int otherMeetingsPerApp(Options o) {
    long perOtherApp = o.otherApps() == 0 ? 0 : o.otherSessions() / o.otherApps();
    return o.otherApps() == 0 ? 0 : Math.max(1, (int) Math.min(perOtherApp,
        Math.round(o.meetings() * 0.05 / o.otherApps())));
  }

  /** How many meetings the main app has: the ids are {@code meetingId(0, 0 .. n-1)}. */
  static int mainMeetings(Options o) {
    return o.meetings() - otherMeetingsPerApp(o) * o.otherApps();
  }

  /** The title words, each in a few percent of the titles. */
  static String word(int i) {
    return WORDS[i];
  }

  static int wordCount() {
    return WORDS.length;
  }

  public static String appId(int index) {
    return index == 0 ? MAIN_APP : String.format(Locale.ROOT, "b0000000-0000-4000-8000-%012d", index);
  }

  /** Generates everything into the sink. */
  public void run(Sink sink) throws Exception {
    long perOtherApp = o.otherApps() == 0 ? 0 : o.otherSessions() / o.otherApps();
    int otherMeetingsPerApp = otherMeetingsPerApp(o);
    int mainMeetings = mainMeetings(o);
    PriorityQueue<MeetingGen> queue = new PriorityQueue<>((a, b) -> Long.compare(a.nextStart, b.nextStart));
    List<MeetingGen> all = new ArrayList<>();
    for (int app = 0; app <= o.otherApps(); app++) {
      long n = app == 0 ? o.mainSessions() : perOtherApp + (app <= o.otherSessions() % Math.max(1, o.otherApps()) ? 1 : 0);
      int m = app == 0 ? mainMeetings : otherMeetingsPerApp;
      all.addAll(planApp(app, n, m, app == 0 ? o.liveSessions() : 0, app == 0 ? o.breakoutParents() : 0));
    }
    for (MeetingGen g : all) {
      if (g.remaining > 0) {
        g.prepare();
        queue.add(g);
      }
    }
    while (!queue.isEmpty()) {
      MeetingGen g = queue.poll();
      g.emit(sink);
      if (sessions % 500_000 == 0) {
        System.err.printf(Locale.ROOT, "  %,d sessions, %,d participants, %,d events%n", sessions, participants,
            events);
      }
      if (g.remaining > 0) {
        g.prepare();
        queue.add(g);
      }
    }
    // Meetings last: their progress (latest session, last event applied) is known only now.
    for (MeetingGen g : all) {
      sink.meeting(g.meeting, g.progress(g.meeting.id()));
      meetingCount++;
      for (Meeting c : g.children) {
        sink.meeting(c, g.progress(c.id()));
        meetingCount++;
      }
    }
    long created = o.endMillis() - (long) o.days() * DAY - 30 * DAY;
    for (int app = 0; app <= o.otherApps(); app++) {
      sink.app(appId(app), ACCOUNT, app == 0 ? "Main benchmark app" : "Benchmark app " + app, created + app);
    }
  }

  /** Meetings of one app with Zipf-distributed session counts summing to exactly {@code n}. */
  private List<MeetingGen> planApp(int appIndex, long n, int meetings, int live, int parents) {
    String appId = appId(appIndex);
    SplittableRandom rnd = root.split();
    int m = (int) Math.max(1, Math.min(meetings, n));
    // Breakout children are meetings too, but hold no top-level sessions.
    int[] childCount = new int[m];
    int children = 0;
    Set<Integer> parentRanks = new HashSet<>();
    if (parents > 0 && m > 10) {
      int lo = Math.min(m - 1, Math.max(1, m / 500));
      int hi = Math.max(lo + 1, m / 20);
      while (parentRanks.size() < Math.min(parents, hi - lo)) {
        parentRanks.add(lo + rnd.nextInt(hi - lo));
      }
      for (int r : parentRanks) {
        childCount[r] = 1 + rnd.nextInt(4);
        children += childCount[r];
      }
    }
    int top = Math.max(1, m - children);
    long[] k = zipfCounts(n, top, o.zipf());
    // Ranks are dealt to meetings in random order so that popularity is not tied to the id.
    int[] perm = new int[top];
    for (int i = 0; i < top; i++) {
      perm[i] = i;
    }
    for (int i = top - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    Set<Integer> liveRanks = new HashSet<>();
    while (liveRanks.size() < Math.min(live, top - parentRanks.size())) {
      int r = rnd.nextInt(top);
      if (!parentRanks.contains(r)) {
        liveRanks.add(r);
      }
    }
    List<MeetingGen> gens = new ArrayList<>(top);
    int childSeq = 0;
    long start = o.endMillis() - (long) o.days() * DAY;
    for (int r = 0; r < top; r++) {
      SplittableRandom mr = rnd.split();
      String id = meetingId(appIndex, perm[r]);
      int keepAlive = mr.nextInt(10) == 0 ? 120 + 60 * mr.nextInt(9) : 60;
      boolean isLive = liveRanks.contains(r);
      long spanEnd = isLive ? o.endMillis() - 3 * HOUR - MINUTE : o.endMillis() - 20 * MINUTE;
      long regular = isLive ? k[r] - 1 : k[r];
      long minSlot = keepAlive * 1000L + 90_000L;
      long latestCreate = spanEnd - regular * minSlot;
      if (latestCreate < start) {
        throw new IllegalArgumentException("meeting " + id + " cannot hold " + k[r] + " sessions in " + o.days()
            + " days; use more --days or --meetings");
      }
      long createdAt = start + (long) (mr.nextDouble() * 0.8 * (latestCreate - start));
      Meeting meeting = new Meeting(appId, id, title(mr), MeetingStatus.ACTIVE, keepAlive, mr.nextInt(5) == 0,
          mr.nextInt(20) == 0, mr.nextInt(3) == 0, mr.nextInt(10) == 0, mr.nextInt(10) == 0, null,
          createdAt - HOUR, createdAt - HOUR);
      List<Meeting> kids = new ArrayList<>();
      for (int c = 0; c < childCount[r]; c++) {
        kids.add(new Meeting(appId, id + "-br" + (c + 1), "Breakout " + (c + 1) + " " + title(mr),
            MeetingStatus.ACTIVE, 60, false, false, false, false, false, id, createdAt - HOUR, createdAt - HOUR));
        childSeq++;
      }
      gens.add(new MeetingGen(this, appId, meeting, kids, k[r], isLive, createdAt, spanEnd, mr));
    }
    return gens;
  }

  static String meetingId(int app, int index) {
    long scrambled = (index * 1_000_003L) % 2_176_782_336L; // 36^6: a bijection for index < 36^6
    String b = Long.toString(scrambled, 36);
    return "m" + (app == 0 ? "" : app + "-") + "000000".substring(b.length()) + b;
  }

  static long[] zipfCounts(long n, int m, double s) {
    double[] w = new double[m];
    double total = 0;
    for (int r = 0; r < m; r++) {
      w[r] = Math.pow(r + 1, -s);
      total += w[r];
    }
    long[] k = new long[m];
    long sum = 0;
    for (int r = 0; r < m; r++) {
      k[r] = Math.max(1, (long) Math.floor(n * w[r] / total));
      sum += k[r];
    }
    int r = 0;
    while (sum < n) {
      k[r % m]++;
      sum++;
      r++;
    }
    r = 0;
    while (sum > n) {
      if (k[r % m] > 1) {
        k[r % m]--;
        sum--;
      }
      r++;
    }
    return k;
  }

  private static String title(SplittableRandom r) {
    int words = 2 + r.nextInt(3);
    StringBuilder t = new StringBuilder();
    boolean rare = r.nextDouble() < RARE_SHARE;
    int rareAt = rare ? r.nextInt(words) : -1;
    for (int i = 0; i < words; i++) {
      String w = i == rareAt ? RARE_WORD : WORDS[r.nextInt(WORDS.length)];
      if (i == 0) {
        w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      }
      t.append(i == 0 ? "" : " ").append(w);
    }
    return t.toString();
  }

  String nextEventId() {
    return "e" + pad(Long.toString(eventSeq++, 36), 9);
  }

  String nextPeerId() {
    return "p" + pad(Long.toString(peerSeq++, 36), 8);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  /** One meeting's sessions, produced one at a time in time order. */
  static final class MeetingGen {
    final History h;
    final String appId;
    final Meeting meeting;
    final List<Meeting> children;
    final boolean live;
    final SplittableRandom rnd;
    final long slot;
    final long spanStart;
    final long keepAliveMs;
    long remaining;
    long index;
    long nextStart;
    long nextDuration;
    /** Per meeting id (this one and its breakout rooms): the latest session and the greatest event. */
    final java.util.Map<String, Session> latestSession = new java.util.HashMap<>();
    final java.util.Map<String, ParticipantEvent> lastEvent = new java.util.HashMap<>();

    MeetingProgress progress(String meetingId) {
      Session s = latestSession.get(meetingId);
      ParticipantEvent e = lastEvent.get(meetingId);
      if (e == null) {
        return MeetingProgress.none(meetingId);
      }
      return new MeetingProgress(meetingId, s == null ? null : s.id(), e.at(), e.type().ordinal(), e.id());
    }

    MeetingGen(History h, String appId, Meeting meeting, List<Meeting> children, long count, boolean live,
        long spanStart, long spanEnd, SplittableRandom rnd) {
      this.h = h;
      this.appId = appId;
      this.meeting = meeting;
      this.children = children;
      this.remaining = count;
      this.live = live;
      this.rnd = rnd;
      this.spanStart = spanStart;
      long regular = live ? count - 1 : count;
      this.slot = regular == 0 ? 0 : (spanEnd - spanStart) / regular;
      this.keepAliveMs = meeting.keepAliveMillis();
    }

    boolean isLiveOne() {
      return live && remaining == 1;
    }

    /** Draws the start and duration of the next session. */
    void prepare() {
      if (isLiveOne()) {
        nextStart = h.o.endMillis() - 15 * MINUTE - rnd.nextLong(165 * MINUTE);
        nextDuration = -1;
        return;
      }
      long slotStart = spanStart + index * slot;
      long maxDuration = slot - keepAliveMs - 61_000L;
      double lognormal = Math.exp(Math.log(20 * MINUTE) + rnd.nextGaussian());
      long d = Math.max(5_000L, Math.min(maxDuration, (long) lognormal));
      nextStart = slotStart + rnd.nextLong(Math.max(1, slot - d - keepAliveMs - 1_000L));
      nextDuration = d;
    }

    void emit(Sink sink) throws Exception {
      long start = nextStart;
      long duration = nextDuration;
      remaining--;
      index++;
      int peers = peerCount(rnd);
      Session parent = session(sink, meeting, start, duration, peers, null, h.o.endMillis());
      h.sessions++;
      if (!children.isEmpty() && duration >= 10 * MINUTE && peers >= 4 && rnd.nextBoolean()) {
        for (Meeting child : children) {
          long cs = start + duration / 10 + rnd.nextLong(duration / 5);
          long cd = duration / 10 + rnd.nextLong(duration * 4 / 10);
          // The engine's rule (SessionEngine.parentAt): the parent's latest session started by
          // then, if still open by event time. The only candidate is the one just built.
          String parentId = parent.createdAt() <= cs && parent.openUntil() >= cs ? parent.id() : null;
          session(sink, child, cs, cd, 1 + rnd.nextInt(Math.min(peers, 8)), parentId, h.o.endMillis());
          h.childSessions++;
        }
      }
    }

    /** Generates one session's events, replays them with the engine's rules and writes the rows. */
    private Session session(Sink sink, Meeting m, long start, long duration, int peers, String parentId, long end)
        throws Exception {
      List<ParticipantEvent> events = new ArrayList<>(peers * 2 + 4);
      boolean open = duration < 0;
      long stop = open ? end - MINUTE : start + duration;
      String givenSessionId = rnd.nextInt(10) < 3 ? new UUID(rnd.nextLong() & ~0xF000L | 0x4000L,
          rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString() : null;
      SessionType type = rnd.nextInt(20) == 0 ? SessionType.LIVESTREAM : SessionType.MEETING;
      String meta = rnd.nextInt(50) == 0 ? "{\"region\":\"" + (rnd.nextBoolean() ? "eu" : "us") + "\"}" : null;
      boolean explicitEnd = !open && peers >= 2 && rnd.nextInt(10) == 0;
      for (int j = 0; j < peers; j++) {
        String peer = h.nextPeerId();
        String user = "u" + Integer.toString(rnd.nextInt(250_000), 36);
        String name = NAMES[rnd.nextInt(NAMES.length)] + " " + (char) ('A' + rnd.nextInt(26)) + ".";
        String preset = j == 0 ? "group_call_host" : "group_call_participant";
        String custom = rnd.nextInt(10) < 3 ? "cp-" + user : null;
        long join = j == 0 ? start : start + rnd.nextLong((stop - start) * 3 / 10 + 1);
        events.add(new ParticipantEvent(h.nextEventId(), EventType.JOINED, m.id(), join, peer, givenSessionId,
            user, custom, name, preset, j == 0 ? type : null, j == 0 ? meta : null, null, null));
        // Peer 0 stays from the start to the end, so the session never empties in between.
        boolean stays = open && (j == 0 || rnd.nextBoolean());
        if (stays) {
          continue;
        }
        long leave = j == 0 ? stop : join + rnd.nextLong(stop - join + 1);
        if (j > 0 && leave - join > 4_000 && rnd.nextInt(10) == 0) {
          long third = (leave - join) / 3;
          events.add(new ParticipantEvent(h.nextEventId(), EventType.LEFT, m.id(), join + third, peer, null, null,
              null, null, null, null, null, null, null));
          events.add(new ParticipantEvent(h.nextEventId(), EventType.JOINED, m.id(), join + 2 * third, peer,
              givenSessionId, user, custom, name, preset, null, null, null, null));
        }
        if (explicitEnd && leave == stop) {
          continue; // the end closes this peer
        }
        events.add(new ParticipantEvent(h.nextEventId(), EventType.LEFT, m.id(), leave, peer, null, null, null,
            null, null, null, null, null, null));
      }
      if (explicitEnd) {
        events.add(new ParticipantEvent(h.nextEventId(), EventType.SESSION_ENDED, m.id(), stop, null, null, null,
            null, null, null, null, null, null, null));
      }
      events.sort(SessionTimeline.ORDER);
      List<SessionTimeline.Built> built = SessionTimeline.DEFAULT.replay(appId, m, events);
      if (built.size() != 1) {
        throw new IllegalStateException("generated events of meeting " + m.id() + " at " + start + " gave "
            + built.size() + " sessions");
      }
      for (ParticipantEvent e : events) {
        sink.event(appId, e, e.at() + 300 + rnd.nextInt(700));
      }
      h.events += events.size();
      Session s = built.get(0).session();
      if (parentId != null) {
        s = new Session(s.appId(), s.id(), s.meetingId(), parentId, s.type(), s.liveCount(), s.peakCount(),
            s.closedMillis(), s.liveJoinSum(), s.createdAt(), s.startedAt(), s.updatedAt(), s.endedAt(),
            s.liveUntil(), s.meta());
      }
      sink.session(s);
      Session before = latestSession.get(m.id());
      if (before == null || before.createdAt() < s.createdAt()
          || (before.createdAt() == s.createdAt() && before.id().compareTo(s.id()) < 0)) {
        latestSession.put(m.id(), s);
      }
      ParticipantEvent last = events.get(events.size() - 1);
      ParticipantEvent lastBefore = lastEvent.get(m.id());
      if (lastBefore == null || SessionTimeline.ORDER.compare(lastBefore, last) < 0) {
        lastEvent.put(m.id(), last);
      }
      for (Participant p : built.get(0).participants()) {
        sink.participant(p);
      }
      h.participants += built.get(0).participants().size();
      return s;
    }
  }

  /** 1 to 200 peers, most sessions small: a truncated Pareto (mean about 3.6 peers). */
  static int peerCount(SplittableRandom r) {
    double u = r.nextDouble();
    return (int) Math.min(200, Math.floor(Math.pow(1 - u, -1 / 1.2)));
  }

  static String[] words() {
    return Arrays.copyOf(WORDS, WORDS.length);
  }
}
