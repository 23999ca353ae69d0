package dev.rtksessions.storage;

/** The stores of one database, wired together. */
public record Stores(
    Database database,
    AppStore apps,
    MeetingStore meetings,
    SessionStore sessions,
    SessionList sessionList,
    SessionCounts counts,
    AppChanges changes,
    ParticipantStore participants,
    EventStore events,
    TokenStore tokens,
    WebhookStore webhooks,
    ArtifactStore artifacts,
    SecretStore secrets,
    HeldEventStore held,
    SettingStore settings,
    WebhookOutStore webhooksOut) {

  public static Stores on(Database db) {
    SessionCounts counts = new SessionCounts();
    AppChanges changes = new AppChanges();
    return new Stores(db, new AppStore(db), new MeetingStore(db, changes), new SessionStore(db),
        new SessionList(db, counts), counts,
        changes, new ParticipantStore(db),
        new EventStore(), new TokenStore(db), new WebhookStore(db), new ArtifactStore(db), new SecretStore(db),
        new HeldEventStore(db), new SettingStore(), new WebhookOutStore(db));
  }
}
