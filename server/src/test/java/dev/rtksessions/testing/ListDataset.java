package dev.rtksessions.testing;

import dev.rtksessions.engine.SessionEngine;
import dev.rtksessions.model.EventType;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingStatus;
import dev.rtksessions.model.ParticipantEvent;
import dev.rtksessions.service.RtkService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * An app with enough sessions for every plan of the sessions list, deep pages included: about
 * 2,600 top-level sessions over twelve days in 200 meetings (a few hot, most rare), peaks from 1
 * to 12, titles with a common search word ({@value #COMMON_WORD}, in one meeting of twenty) and a
 * rare one ({@value #RARE_WORD}), a word in meeting and session ids ({@value #ID_WORD}),
 * breakout rooms, and at {@link #NOW} sessions in their keep-alive, sessions with peers
 * present, and sessions with peers present gone stale. Fed through the real engine.
 */
public final class ListDataset {
  public static final long DAY = 86_400_000L;
  /** Day 0 of the history, a UTC midnight. */
  public static final long DAY0 = 1_740_787_200_000L; // 2025-03-01T00:00:00Z
  public static final long NOW = DAY0 + 12 * DAY - 30 * 60_000;
  public static final String COMMON_WORD = "quokka";
  public static final String RARE_WORD = "zebra";
  public static final String ID_WORD = "kiwi";
  public static final String HOT_MEETING = "m-000";
  public static final int MEETINGS = 200;

  private ListDataset() {}

  /** Creates the app's meetings and records its history; returns the number of events. */
  public static int fill(RtkService service, String appId, long seed) {
    Random random = new Random(seed);
    for (int b = 0; b < 10; b++) {
      service.catalog().createMeeting(new Meeting(appId, "b-" + b, "Breakout " + b, MeetingStatus.ACTIVE,
          Meeting.DEFAULT_KEEP_ALIVE_SECS, false, false, false, false, false, meetingId(b), DAY0, DAY0));
    }
    List<ParticipantEvent> events = new ArrayList<>();
    int[] ids = {0};
    for (int m = 0; m < MEETINGS; m++) {
      String meeting = meetingId(m);
      // A few hot meetings hold most sessions; every meeting has at least one.
      int sessions = m < 3 ? 300 : m < 20 ? 40 : 1 + random.nextInt(4);
      long t = DAY0 + random.nextInt(3_600_000);
      long step = (12 * DAY - 2 * 3_600_000L) / sessions;
      for (int s = 0; s < sessions && t < NOW - 3_600_000; s++) {
        int peers = 1 + (int) Math.min(11, Math.round(-Math.log(1 - random.nextDouble()) * 2.5));
        boolean last = s == sessions - 1;
        // The last session of some meetings is still going at NOW, or was left with a peer
        // present long ago (stale), or ended within the keep-alive before NOW.
        int ending = last ? random.nextInt(4) : 0;
        long start = last && ending == 1 ? NOW - 20 * 60_000 : last && ending == 3 ? NOW - 30 * 60_000 : t;
        String sessionId = m % 50 == 7 && s % 3 == 0 ? ID_WORD + "-" + m + "-" + s : null;
        long lastLeave = start;
        for (int p = 0; p < peers; p++) {
          String peer = meeting + "-s" + s + "-p" + p;
          long join = start + p * 20_000L;
          events.add(event(ids, EventType.JOINED, meeting, peer, join, p == 0 ? sessionId : null, title(m)));
          boolean stays = (ending == 1 || ending == 2) && p == 0;
          if (!stays) {
            long leave = join + 60_000L + random.nextInt(40 * 60_000);
            if (ending == 3) {
              leave = Math.min(leave, NOW - 30_000);
            }
            events.add(event(ids, EventType.LEFT, meeting, peer, leave, null, null));
            lastLeave = Math.max(lastLeave, leave);
          }
        }
        if (m < 10 && s % 5 == 0 && ending == 0) {
          // A breakout room during the session.
          String room = "b-" + m;
          events.add(event(ids, EventType.JOINED, room, room + "-s" + s, start + 30_000, null, null));
          events.add(event(ids, EventType.LEFT, room, room + "-s" + s, start + 50_000, null, null));
        }
        t = Math.max(t + step, lastLeave + 5 * 60_000);
      }
    }
    events.sort(Comparator.comparingLong(ParticipantEvent::at));
    SessionEngine engine = service.engine();
    for (int i = 0; i < events.size(); i += 500) {
      engine.ingest(appId, events.subList(i, Math.min(i + 500, events.size())));
    }
    return events.size();
  }

  public static String meetingId(int m) {
    return m % 50 == 7 ? String.format(Locale.ROOT, "%s-room-%03d", ID_WORD, m) : String.format(Locale.ROOT, "m-%03d", m);
  }

  private static String title(int m) {
    if (m % 20 == 3) {
      return "Standup " + COMMON_WORD.toUpperCase(Locale.ROOT) + " " + m;
    }
    if (m == 11 || m == 120) {
      return "Retro with a " + RARE_WORD;
    }
    return m % 2 == 0 ? "Weekly sync " + m : "Plan " + m;
  }

  private static ParticipantEvent event(int[] ids, EventType type, String meeting, String peer, long at,
      String sessionId, String title) {
    return new ParticipantEvent("ev-" + ids[0]++, type, meeting, at, peer, sessionId, null, null, null, null, null,
        null, title, null);
  }
}
