package dev.rtksessions.http;

import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.ListSessionsRequest;
import dev.rtksessions.api.Paging;
import dev.rtksessions.api.SessionJson;
import dev.rtksessions.engine.SessionReader;
import dev.rtksessions.engine.SessionReader.SessionTree;
import java.util.List;
import java.util.Map;

/** The sessions family: {@code GET .../sessions}. */
final class SessionRoutes {
  private final SessionReader reader;

  SessionRoutes(SessionReader reader) {
    this.reader = reader;
  }

  Reply list(Request request) {
    ListSessionsRequest q = ListSessionsRequest.parse(request.app().id(), request.query());
    SessionReader.SessionPage page = reader.list(q.filter(), q.order(), q.perPage(), q.offset());
    List<SessionJson> sessions = page.sessions().stream().map(t -> json(t, page.readAt())).toList();
    return Reply.ok(Envelope.page(Map.of("sessions", sessions),
        Paging.of(page.totalCount(), q.offset(), sessions.size())));
  }

  static SessionJson json(SessionTree tree, long now) {
    List<SessionJson> rooms = tree.breakoutRooms().stream().map(t -> json(t, now)).toList();
    return SessionJson.of(tree.session(), tree.meetingTitle(), rooms, now);
  }
}
