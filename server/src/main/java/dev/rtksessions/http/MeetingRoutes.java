package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.ListRequests;
import dev.rtksessions.api.Ids;
import dev.rtksessions.api.JsonBody;
import dev.rtksessions.api.MeetingJson;
import dev.rtksessions.api.Paging;
import dev.rtksessions.api.Params;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.engine.ConflictException;
import dev.rtksessions.engine.SessionReader;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Meetings: create, read, list, update (PATCH) and replace (PUT), and their active session. */
final class MeetingRoutes {
  static final int MAX_BODY_BYTES = 64 * 1024;

  private final Catalog catalog;
  private final SessionReader sessions;

  MeetingRoutes(Catalog catalog, SessionReader sessions) {
    this.catalog = catalog;
    this.sessions = sessions;
  }

  Reply list(Request request) {
    ListRequests.Meetings q = ListRequests.meetings(request.app().id(), request.query());
    List<MeetingJson> meetings = catalog.listMeetings(q.filter(), q.page().size(), q.page().offset()).stream()
        .map(MeetingJson::of).toList();
    return Reply.ok(Envelope.page(meetings, Paging.of(catalog.countMeetings(q.filter()), q.page().offset(),
        meetings.size())));
  }

  Reply get(Request request) {
    return Reply.ok(Envelope.of(MeetingJson.of(existing(request))));
  }

  Reply create(Request request) {
    JsonBody body = JsonBody.parse(request.body());
    long now = catalog.now();
    Meeting defaults = Meeting.implicit(request.app().id(), UUID.randomUUID().toString(), "", null, now);
    Meeting meeting = apply(body, defaults, now);
    try {
      catalog.createMeeting(meeting);
    } catch (ConflictException e) {
      throw ApiException.conflict(e.getMessage());
    }
    return Reply.created(Envelope.of(MeetingJson.of(meeting)));
  }

  /** PATCH: the fields given change, the others stay. */
  Reply patch(Request request) {
    Meeting current = existing(request);
    Meeting updated = apply(JsonBody.parse(request.body()), current, catalog.now());
    return Reply.ok(Envelope.of(MeetingJson.of(store(updated))));
  }

  /** PUT: every field is replaced; fields not given take their defaults. */
  Reply replace(Request request) {
    Meeting current = existing(request);
    long now = catalog.now();
    Meeting defaults = Meeting.implicit(current.appId(), current.id(), "", null, current.createdAt());
    Meeting replaced = apply(JsonBody.parse(request.body()), defaults, now);
    return Reply.ok(Envelope.of(MeetingJson.of(store(replaced))));
  }

  Reply activeSession(Request request) {
    Meeting meeting = existing(request);
    SessionReader.SessionAt live = sessions.active(meeting.appId(), meeting.id())
        .orElseThrow(() -> ApiException.notFound("No active session found for meeting_id " + meeting.id()));
    return Reply.ok(Envelope.of(SessionRoutes.json(live.tree(), live.readAt())));
  }

  private Meeting store(Meeting m) {
    if (!catalog.updateMeeting(m)) {
      throw ApiException.notFound("meeting " + m.id() + " not found in app " + m.appId());
    }
    return m;
  }

  private Meeting existing(Request request) {
    String meetingId = request.path("meeting_id");
    return catalog.findMeeting(request.app().id(), meetingId)
        .orElseThrow(() -> ApiException.notFound("meeting " + meetingId + " not found in app "
            + request.app().id()));
  }

  /** The body's fields over {@code base}, validated. */
  private Meeting apply(JsonBody body, Meeting base, long now) {
    String title = body.string("title", 0, 1024);
    Integer keepAlive = body.integer("session_keep_alive_time_in_secs", Meeting.MIN_KEEP_ALIVE_SECS,
        Meeting.MAX_KEEP_ALIVE_SECS);
    String status = body.string("status", 1, 8);
    if (status != null && !status.equals("ACTIVE") && !status.equals("INACTIVE")) {
      throw ApiException.badRequest("status must be one of ACTIVE, INACTIVE, got " + Params.quote(status));
    }
    String parent = body.string("parent_meeting_id", 1, 64);
    if (parent != null) {
      checkParent(base, Ids.entityId("parent_meeting_id", parent));
    }
    return new Meeting(base.appId(), base.id(), title != null ? title : base.title(),
        status != null ? MeetingStatus.valueOf(status) : base.status(),
        keepAlive != null ? keepAlive : base.keepAliveSecs(),
        flag(body, "record_on_start", base.recordOnStart()),
        flag(body, "live_stream_on_start", base.liveStreamOnStart()),
        flag(body, "persist_chat", base.persistChat()),
        flag(body, "summarize_on_end", base.summarizeOnEnd()),
        flag(body, "transcribe_on_end", base.transcribeOnEnd()),
        parent != null ? parent : base.parentMeetingId(), base.createdAt(), now);
  }

  /** A parent must be a meeting of the app and must not make the meeting its own ancestor. */
  private void checkParent(Meeting meeting, String parentId) {
    Set<String> seen = new HashSet<>(Set.of(meeting.id()));
    String current = parentId;
    while (current != null) {
      if (!seen.add(current)) {
        throw ApiException.badRequest("parent_meeting_id must not make meeting " + meeting.id()
            + " a breakout room of itself, got " + Params.quote(parentId));
      }
      String id = current;
      Meeting m = catalog.findMeeting(meeting.appId(), id).orElseThrow(() -> ApiException.badRequest(
          "parent_meeting_id must name a meeting of this app, got " + Params.quote(parentId)));
      current = m.parentMeetingId();
    }
  }

  private static boolean flag(JsonBody body, String field, boolean current) {
    Boolean v = body.bool(field);
    return v != null ? v : current;
  }
}
