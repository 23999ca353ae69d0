package dev.rtksessions.engine;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.rtksessions.model.App;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingFilter;
import dev.rtksessions.storage.Stores;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Apps and meetings: the rooms that sessions happen in. */
public final class Catalog {
  private final Stores stores;
  private final Clock clock;
  // Apps are never deleted, so a found app can be remembered; misses are not cached.
  private final Cache<String, App> apps = Caffeine.newBuilder().maximumSize(10_000).build();

  public Catalog(Stores stores, Clock clock) {
    this.stores = stores;
    this.clock = clock;
  }

  public App createApp(String accountId, String name) {
    App app = new App(UUID.randomUUID().toString(), accountId, name, clock.millis());
    stores.apps().insert(app);
    return app;
  }

  /** Creates an app with a chosen id unless it exists (for seeding); returns the stored app. */
  public App ensureApp(String accountId, String appId, String name) {
    Optional<App> existing = findApp(accountId, appId);
    if (existing.isPresent()) {
      return existing.get();
    }
    App app = new App(appId, accountId, name, clock.millis());
    stores.apps().insert(app);
    return app;
  }

  public Optional<App> findApp(String accountId, String appId) {
    App cached = apps.getIfPresent(appId);
    if (cached != null) {
      return cached.accountId().equals(accountId) ? Optional.of(cached) : Optional.empty();
    }
    Optional<App> found = stores.apps().find(accountId, appId);
    found.ifPresent(app -> apps.put(app.id(), app));
    return found;
  }

  public List<App> listApps(String accountId, String search, boolean ascending, int limit, long offset) {
    return stores.apps().list(accountId, search, ascending, limit, offset);
  }

  public long countApps(String accountId, String search) {
    return stores.apps().count(accountId, search);
  }

  /** Stores a new meeting (id, times and defaults already chosen by the caller). */
  public void createMeeting(Meeting meeting) {
    stores.meetings().insert(meeting);
  }

  /** Stores new settings for an existing meeting; false when it does not exist. */
  public boolean updateMeeting(Meeting meeting) {
    return stores.meetings().update(meeting);
  }

  public Optional<Meeting> findMeeting(String appId, String meetingId) {
    return stores.meetings().find(appId, meetingId);
  }

  public List<Meeting> listMeetings(MeetingFilter filter, int limit, long offset) {
    return stores.meetings().list(filter, limit, offset);
  }

  public long countMeetings(MeetingFilter filter) {
    return stores.meetings().count(filter);
  }

  public long now() {
    return clock.millis();
  }
}
