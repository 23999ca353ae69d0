package dev.rtksessions.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The session list as its users ask it: each request drawn from one of the list's real uses,
 * every parameter random over its range, so that a run asks thousands of different questions
 * and kept answers serve only what real traffic would repeat. Built for the benchmark's history
 * (see {@link History}): its main app, its meetings, its title words and its time span.
 */
final class ReadMix {
  /** One use of the list, its share of the mix, and how its requests vary. */
  enum Kind {
    /** The first pages, newest or oldest first: what a dashboard opens on. */
    FIRST_PAGES(20),
    /** Any page of the whole list, as a pager or a crawler reaches it. */
    ANY_PAGE(8),
    /** The LIVE sessions, in pages of up to 100. */
    LIVE(10),
    /** One meeting's history (a random one of the app's meetings). */
    MEETING(14),
    /** A random day, week or month, with or without a status. */
    WINDOW(14),
    /** A search for a word in a few percent of the titles, with or without a status. */
    SEARCH_COMMON(8),
    /** A search for a rare text: the 1 % word, a piece of a session id, or nothing at all. */
    SEARCH_RARE(5),
    /** The first pages sorted by participant-minutes, with or without a status. */
    MINUTES(6),
    /** A participants range, with or without a status and the minutes order. */
    PARTICIPANTS(8),
    /** The other apps of the account, any of the above on each. */
    OTHER_APPS(7);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  /** A request to make: its kind and its URL path with query. */
  record Request(Kind kind, String path) {}

  private static final String[] ORDERS = {"ASC", "DESC"};
  private static final long DAY = 86_400_000L;

  private final String accountPath;
  private final long totalSessions;
  private final long firstMillis;
  private final long lastMillis;
  private final int mainMeetings;
  private final int otherApps;
  private final int otherMeetingsPerApp;
  private final long otherSessionsPerApp;
  private final Kind only;
  private final int totalWeight;

  /**
   * @param accountPath {@code /client/v4/accounts/{account}/realtime/kit}
   * @param totalSessions the main app's sessions (for the range of pages)
   * @param firstMillis when the history begins, {@code lastMillis} when it ends
   * @param only one kind alone, or null for the whole mix
   */
  ReadMix(String accountPath, long totalSessions, long firstMillis, long lastMillis, History.Options options,
      Kind only) {
    this.accountPath = accountPath;
    this.totalSessions = totalSessions;
    this.firstMillis = firstMillis;
    this.lastMillis = lastMillis;
    this.mainMeetings = History.mainMeetings(options);
    this.otherApps = options.otherApps();
    this.otherMeetingsPerApp = History.otherMeetingsPerApp(options);
    this.otherSessionsPerApp = options.otherApps() == 0 ? 0 : options.otherSessions() / options.otherApps();
    this.only = only;
    int sum = 0;
    for (Kind k : Kind.values()) {
      sum += k.weight;
    }
    this.totalWeight = sum;
  }

  /**
   * The mix for a history generated with the default shape ({@link History.Options#full}) but
   * {@code sessions} and {@code days}, ending at the main app's newest session (asked here).
   */
  static ReadMix forHistory(HttpClient client, String origin, String accountPath, String token, long sessions,
      int days, Kind only) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(origin + accountPath + "/" + History.MAIN_APP
        + "/sessions?per_page=1")).header("Authorization", "Bearer " + token).GET().build();
    JsonNode body = new ObjectMapper().readTree(client.send(req, HttpResponse.BodyHandlers.ofString()).body());
    JsonNode newest = body.at("/data/sessions/0/created_at");
    if (newest.isMissingNode()) {
      throw new IllegalStateException("the main app has no sessions: " + body);
    }
    long last = Instant.parse(newest.asText()).toEpochMilli();
    History.Options full = History.Options.full(last);
    History.Options options = new History.Options(sessions, full.otherApps(), full.otherSessions(), full.meetings(),
        full.liveSessions(), full.breakoutParents(), days, full.zipf(), full.seed(), last);
    return new ReadMix(accountPath, sessions, last - days * DAY, last, options, only);
  }

  Request next(SplittableRandom r) {
    Kind kind = only != null ? only : pick(r);
    if (kind == Kind.OTHER_APPS) {
      int app = 1 + r.nextInt(otherApps);
      Kind[] onOther = {Kind.FIRST_PAGES, Kind.ANY_PAGE, Kind.MEETING, Kind.WINDOW, Kind.SEARCH_COMMON};
      Kind as = onOther[r.nextInt(onOther.length)];
      return new Request(kind, sessions(History.appId(app), query(as, r, app, otherSessionsPerApp)));
    }
    return new Request(kind, sessions(History.MAIN_APP, query(kind, r, 0, totalSessions)));
  }

  private Kind pick(SplittableRandom r) {
    int x = r.nextInt(totalWeight);
    for (Kind k : Kind.values()) {
      x -= k.weight;
      if (x < 0) {
        return k;
      }
    }
    throw new IllegalStateException();
  }

  private String sessions(String app, String query) {
    return accountPath + "/" + app + "/sessions" + (query.isEmpty() ? "" : "?" + query);
  }

  private String query(Kind kind, SplittableRandom r, int app, long sessionsOfApp) {
    StringBuilder q = new StringBuilder();
    switch (kind) {
      case FIRST_PAGES -> {
        add(q, "per_page", List.of(10, 20, 20, 50).get(r.nextInt(4)));
        page(q, 1 + r.nextInt(3));
        order(q, r);
      }
      case ANY_PAGE -> {
        int perPage = List.of(20, 50, 100, 200).get(r.nextInt(4));
        add(q, "per_page", perPage);
        page(q, 1 + r.nextLong(Math.max(1, sessionsOfApp / perPage)));
        order(q, r);
      }
      case LIVE -> {
        add(q, "status", "LIVE");
        add(q, "per_page", r.nextBoolean() ? 20 : 100);
        page(q, 1 + r.nextInt(2));
      }
      case MEETING -> {
        int meetings = app == 0 ? mainMeetings : otherMeetingsPerApp;
        add(q, "associated_id", History.meetingId(app, r.nextInt(meetings)));
        page(q, 1 + r.nextInt(2));
        order(q, r);
      }
      case WINDOW -> {
        long length = List.of(1L, 7L, 30L).get(r.nextInt(3)) * DAY;
        long from = firstMillis + r.nextLong(Math.max(1, lastMillis - firstMillis - length));
        add(q, "start_time", Instant.ofEpochMilli(from).toString());
        add(q, "end_time", Instant.ofEpochMilli(from + length).toString());
        status(q, r);
        page(q, 1 + r.nextInt(3));
      }
      case SEARCH_COMMON -> {
        add(q, "search", History.word(r.nextInt(History.wordCount())));
        status(q, r);
        page(q, 1 + r.nextInt(3));
      }
      case SEARCH_RARE -> {
        String text = switch (r.nextInt(3)) {
          case 0 -> History.RARE_WORD;
          case 1 -> String.format(Locale.ROOT, "%06x", r.nextInt(1 << 24));
          default -> "zq" + r.nextInt(1000) + "x";
        };
        add(q, "search", text);
        page(q, 1 + r.nextInt(2));
      }
      case MINUTES -> {
        add(q, "sort_by", "minutesConsumed");
        order(q, r);
        status(q, r);
        page(q, 1 + r.nextInt(5));
      }
      case PARTICIPANTS -> {
        int min = r.nextInt(4) == 0 ? r.nextInt(200) : r.nextInt(12);
        int max = min + (r.nextBoolean() ? r.nextInt(3) : r.nextInt(60));
        add(q, "participants", r.nextInt(5) == 0 ? min + ":" : min + ":" + max);
        status(q, r);
        if (r.nextBoolean()) {
          add(q, "sort_by", "minutesConsumed");
          order(q, r);
        }
        page(q, 1 + r.nextInt(3));
      }
      default -> throw new IllegalStateException(kind.name());
    }
    return q.toString();
  }

  private static void status(StringBuilder q, SplittableRandom r) {
    int s = r.nextInt(3);
    if (s > 0) {
      add(q, "status", s == 1 ? "LIVE" : "ENDED");
    }
  }

  private static void order(StringBuilder q, SplittableRandom r) {
    add(q, "sort_order", ORDERS[r.nextInt(2)]);
  }

  private static void page(StringBuilder q, long page) {
    if (page > 1) {
      add(q, "page_no", page);
    }
  }

  private static void add(StringBuilder q, String name, Object value) {
    q.append(q.length() == 0 ? "" : "&").append(name).append('=')
        .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
  }
}
