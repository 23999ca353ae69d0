package dev.rtksessions.storage;

/** The stores of one database, wired together. */
public record Stores(
    Database database,
    AppStore apps,
    MeetingStore meetings,
    SessionStore sessions,
    ParticipantStore participants,
    EventStore events,
    TokenStore tokens,
    WebhookStore webhooks,
    ArtifactStore artifacts,
    SecretStore secrets) {

  public static Stores on(Database db) {
    AppStore apps = new AppStore(db);
    return new Stores(db, apps, new MeetingStore(db), new SessionStore(db, apps), new ParticipantStore(db),
        new EventStore(), new TokenStore(db), new WebhookStore(db), new ArtifactStore(db), new SecretStore(db));
  }
}
