package dev.rtksessions.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rtksessions.model.App;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingFilter;
import dev.rtksessions.storage.AppStore;
import dev.rtksessions.storage.MeetingStore;
import dev.rtksessions.storage.UniqueViolationException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Apps and meetings: the rooms that sessions happen in. */
public final class Catalog {
  private final AppStore apps;
  private final MeetingStore meetings;
  private final Clock clock;
  // Apps are never deleted, so a found app can be remembered; misses are not cached.
  private final Cache<String, App> knownApps = Caffeine.newBuilder().maximumSize(10_000).build();

  public Catalog(AppStore apps, MeetingStore meetings, Clock clock) {
    this.apps = apps;
    this.meetings = meetings;
    this.clock = clock;
  }

  public App createApp(String accountId, String name) {
    App app = new App(UUID.randomUUID().toString(), accountId, name, clock.millis());
    apps.insert(app);
    return app;
  }

  /** Creates an app with a chosen id unless it exists (for seeding); returns the stored app. */
  public App ensureApp(String accountId, String appId, String name) {
    Optional<App> existing = findApp(accountId, appId);
    if (existing.isPresent()) {
      return existing.get();
    }
    App app = new App(appId, accountId, name, clock.millis());
    apps.insert(app);
    return app;
  }

  public Optional<App> findApp(String accountId, String appId) {
    App cached = knownApps.getIfPresent(appId);
    if (cached != null) {
      return cached.accountId().equals(accountId) ? Optional.of(cached) : Optional.empty();
    }
    Optional<App> found = apps.find(accountId, appId);
    found.ifPresent(app -> knownApps.put(app.id(), app));
    return found;
  }

  public List<App> listApps(String accountId, String search, boolean ascending, int limit, long offset) {
    return apps.list(accountId, search, ascending, limit, offset);
  }

  public long countApps(String accountId, String search) {
    return apps.count(accountId, search);
  }

  /**
   * Stores a new meeting (id, times and defaults already chosen by the caller).
   *
   * @throws ConflictException when the app has a meeting with that id
   */
  public void createMeeting(Meeting meeting) {
    try {
      meetings.insert(meeting);
    } catch (UniqueViolationException e) {
      throw new ConflictException("meeting " + meeting.id() + " already exists", e);
    }
  }

  /** Creates the meeting if it does not exist, and gives it {@code title} if it has none yet. */
  public void ensureMeeting(String appId, String meetingId, String title) {
    meetings.ensure(appId, meetingId, title, clock.millis());
  }

  /** Stores new settings for an existing meeting; false when it does not exist. */
  public boolean updateMeeting(Meeting meeting) {
    return meetings.update(meeting);
  }

  public Optional<Meeting> findMeeting(String appId, String meetingId) {
    return meetings.find(appId, meetingId);
  }

  public List<Meeting> listMeetings(MeetingFilter filter, int limit, long offset) {
    return meetings.list(filter, limit, offset);
  }

  public long countMeetings(MeetingFilter filter) {
    return meetings.count(filter);
  }

  public long now() {
    return clock.millis();
  }
}
