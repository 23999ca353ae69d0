package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.Ids;
import dev.rtksessions.api.JsonBody;
import dev.rtksessions.api.MeetingJson;
import dev.rtksessions.api.Paging;
import dev.rtksessions.api.Params;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.model.Meeting;
import dev.rtksessions.model.MeetingStatus;
import dev.rtksessions.storage.UniqueViolationException;
import java.util.List;
import java.util.UUID;

/** {@code GET/POST .../meetings} and {@code GET .../meetings/{meeting_id}}. */
final class MeetingRoutes {
  private static final int MAX_PER_PAGE = 200;

  private final Catalog catalog;

  MeetingRoutes(Catalog catalog) {
    this.catalog = catalog;
  }

  Reply list(Request request) {
    Params q = request.query();
    int page = Math.max(1, q.integer("page_no", 0, Integer.MAX_VALUE, 1));
    int perPage = q.integer("per_page", 1, MAX_PER_PAGE, 20);
    String search = q.string("search", 255);
    String appId = request.app().id();
    long offset = (long) (page - 1) * perPage;
    List<MeetingJson> meetings = catalog.listMeetings(appId, search, perPage, offset).stream()
        .map(MeetingJson::of).toList();
    return Reply.ok(Envelope.page(meetings, Paging.of(catalog.countMeetings(appId, search), offset,
        meetings.size())));
  }

  Reply get(Request request) {
    String meetingId = Ids.entityId("meeting_id", request.path("meeting_id"));
    Meeting meeting = catalog.findMeeting(request.app().id(), meetingId)
        .orElseThrow(() -> ApiException.notFound("meeting " + meetingId + " not found in app "
            + request.app().id()));
    return Reply.ok(Envelope.of(MeetingJson.of(meeting)));
  }

  Reply create(Request request) {
    JsonBody body = JsonBody.parse(request.body(64 * 1024));
    String appId = request.app().id();
    String title = body.string("title", 0, 1024);
    Integer keepAlive = body.integer("session_keep_alive_time_in_secs", Meeting.MIN_KEEP_ALIVE_SECS,
        Meeting.MAX_KEEP_ALIVE_SECS);
    String parent = body.string("parent_meeting_id", 1, 64);
    if (parent != null) {
      Ids.entityId("parent_meeting_id", parent);
      if (catalog.findMeeting(appId, parent).isEmpty()) {
        throw ApiException.badRequest("parent_meeting_id must name a meeting of this app, got " + Params.quote(parent));
      }
    }
    String status = body.string("status", 1, 8);
    if (status != null && !status.equals("ACTIVE") && !status.equals("INACTIVE")) {
      throw ApiException.badRequest("status must be one of ACTIVE, INACTIVE, got " + Params.quote(status));
    }
    long now = catalog.now();
    Meeting meeting = new Meeting(appId, UUID.randomUUID().toString(), title == null ? "" : title,
        status == null ? MeetingStatus.ACTIVE : MeetingStatus.valueOf(status),
        keepAlive == null ? Meeting.DEFAULT_KEEP_ALIVE_SECS : keepAlive, flag(body, "record_on_start"),
        flag(body, "live_stream_on_start"), flag(body, "persist_chat"), flag(body, "summarize_on_end"),
        flag(body, "transcribe_on_end"), parent, now, now);
    try {
      catalog.createMeeting(meeting);
    } catch (UniqueViolationException e) {
      throw ApiException.conflict("meeting " + meeting.id() + " already exists");
    }
    return Reply.created(Envelope.of(MeetingJson.of(meeting)));
  }

  private static boolean flag(JsonBody body, String field) {
    Boolean v = body.bool(field);
    return v != null && v;
  }
}
