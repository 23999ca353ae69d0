package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.ListRequests;
import dev.rtksessions.api.Paging;
import dev.rtksessions.api.ParticipantJson;
import dev.rtksessions.api.PeerReportJson;
import dev.rtksessions.api.SessionJson;
import dev.rtksessions.engine.ParticipantReader;
import dev.rtksessions.engine.ParticipantReader.ParticipantView;
import dev.rtksessions.engine.SessionReader;
import dev.rtksessions.engine.SessionReader.SessionTree;
import dev.rtksessions.model.ParticipantQuery;
import dev.rtksessions.model.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sessions family: the list, one session, its participants, and peer reports. */
final class SessionRoutes {
  private final SessionReader sessions;
  private final ParticipantReader participants;

  SessionRoutes(SessionReader sessions, ParticipantReader participants) {
    this.sessions = sessions;
    this.participants = participants;
  }

  Reply list(Request request) {
    ListRequests.Sessions q = ListRequests.sessions(request.app().id(), request.query());
    SessionReader.SessionPage page = sessions.list(q.filter(), q.order(), q.page().size(), q.page().offset());
    List<SessionJson> json = page.sessions().stream().map(t -> json(t, page.readAt())).toList();
    return Reply.ok(Envelope.page(Map.of("sessions", json),
        Paging.of(page.totalCount(), q.page().offset(), json.size())));
  }

  Reply details(Request request) {
    boolean withRooms = request.query().bool("include_breakout_rooms", false);
    SessionReader.SessionAt found = sessions.find(request.app().id(), sessionId(request), withRooms)
        .orElseThrow(() -> sessionNotFound(request));
    return Reply.ok(Envelope.of(json(found.tree(), found.readAt())));
  }

  Reply participants(Request request) {
    ParticipantQuery q = ListRequests.participants(request.query());
    Session session = session(request);
    ParticipantReader.ParticipantPage result = participants.list(session, q);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("participants", result.participants().stream().map(SessionRoutes::json).toList());
    // Inside data, as Cloudflare's examples show for this endpoint.
    data.put("paging", Paging.of(result.totalCount(), result.offset(), result.participants().size()));
    return Reply.ok(Envelope.of(data));
  }

  Reply participant(Request request) {
    boolean peerEvents = request.query().bool("include_peer_events", false);
    Session session = session(request);
    String peerId = request.path("participant_id");
    ParticipantView view = participants.find(session, peerId, peerEvents)
        .orElseThrow(() -> ApiException.notFound("participant " + peerId + " not found in session " + session.id()));
    return Reply.ok(Envelope.of(Map.of("participant", json(view))));
  }

  Reply peerReport(Request request) {
    request.query().oneOf("filters",
        List.of("device_info", "ip_information", "precall_network_information", "events", "quality_stats"));
    boolean peerEvents = request.query().bool("include_peer_events", false);
    String peerId = request.path("peer_id");
    ParticipantReader.PeerPresence found = participants.peer(request.app().id(), peerId, peerEvents)
        .orElseThrow(() -> ApiException.notFound("peer " + peerId + " not found in app " + request.app().id()));
    ParticipantView v = found.view();
    return Reply.ok(Envelope.of(Map.of("participant",
        PeerReportJson.of(v.participant(), v.durationMillis(), v.peerEvents()))));
  }

  private Session session(Request request) {
    return sessions.session(request.app().id(), sessionId(request)).orElseThrow(() -> sessionNotFound(request));
  }

  private static String sessionId(Request request) {
    return request.path("session_id");
  }

  private static ApiException sessionNotFound(Request request) {
    return ApiException.notFound("session " + request.path("session_id") + " not found in app "
        + request.app().id());
  }

  static SessionJson json(SessionTree tree, long now) {
    List<SessionJson> rooms = tree.breakoutRooms().stream().map(t -> json(t, now)).toList();
    return SessionJson.of(tree.session(), tree.meetingTitle(), rooms, now);
  }

  private static ParticipantJson json(ParticipantView v) {
    return ParticipantJson.of(v.participant(), v.durationMillis(), v.peerEvents());
  }
}
