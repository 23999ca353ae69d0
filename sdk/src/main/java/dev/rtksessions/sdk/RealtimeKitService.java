package dev.rtksessions.sdk;

/** The RealtimeKit resources, {@code client.realtimeKit()}: as in Cloudflare's SDKs. */
public final class RealtimeKitService {
  private final SessionService sessions;
  private final ActiveSessionService activeSession;
  private final AppService apps;
  private final MeetingService meetings;
  private final EventService events;

  RealtimeKitService(HttpTransport http) {
    this.sessions = new SessionService(http);
    this.activeSession = new ActiveSessionService(http);
    this.apps = new AppService(http);
    this.meetings = new MeetingService(http);
    this.events = new EventService(http);
  }

  /** @return sessions, their participants, peer reports, chat, transcripts and summaries */
  public SessionService sessions() {
    return sessions;
  }

  /** @return a meeting's live session */
  public ActiveSessionService activeSession() {
    return activeSession;
  }

  /** @return the account's apps */
  public AppService apps() {
    return apps;
  }

  /** @return an app's meetings */
  public MeetingService meetings() {
    return meetings;
  }

  /** @return feeding participant events (rtk-sessions' extension) */
  public EventService events() {
    return events;
  }
}
