package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.Params;
import dev.rtksessions.api.Timestamps;
import dev.rtksessions.engine.Artifacts;
import dev.rtksessions.engine.Catalog;
import dev.rtksessions.engine.UnreadableTranscriptException;
import dev.rtksessions.model.Artifact;
import dev.rtksessions.model.ArtifactFile;
import dev.rtksessions.model.ArtifactKind;
import dev.rtksessions.model.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A session's chat export, transcript and summary: {@code GET .../chat}, {@code /transcript},
 * {@code /summary}, {@code POST .../summary}, and our extension to upload them
 * ({@code PUT .../artifacts/{kind}}) and to download uploads by signed link
 * ({@code GET .../artifacts/{kind}?expires=...&signature=...}, no token).
 */
final class ArtifactRoutes {
  static final int MAX_UPLOAD_BYTES = 32 * 1024 * 1024;
  private static final int MAX_CONTENT_TYPE = 255;
  private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";
  private static final List<String> TRANSCRIPT_FORMATS = List.of("SRT", "VTT", "JSON", "CSV");
  /**
   * The media types a download may be shown as, per kind: the forms these files come in, all
   * text that browsers do not run. Any other type (text/html, image/svg+xml, ...) is sent as an
   * attachment.
   */
  private static final Map<ArtifactKind, Set<String>> SHOWN_TYPES = Map.of(
      ArtifactKind.CHAT, Set.of("text/csv", "text/plain", "application/json"),
      ArtifactKind.TRANSCRIPT, Set.of("text/csv", "text/vtt", "application/x-subrip", "text/plain",
          "application/json"),
      ArtifactKind.SUMMARY, Set.of("text/plain", "text/markdown", "application/json"));
  // What a Host header may hold (a name or IPv4, or a bracketed IPv6, and a port): links are built from it.
  private static final Pattern ORIGIN =
      Pattern.compile("https?://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(:\\d{1,5})?");

  private final Artifacts artifacts;
  private final Catalog catalog;

  ArtifactRoutes(Artifacts artifacts, Catalog catalog) {
    this.artifacts = artifacts;
    this.catalog = catalog;
  }

  Reply chat(Request request) {
    Link link = link(request, ArtifactKind.CHAT);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("chat_download_url", link.url());
    data.put("chat_download_url_expiry", link.expiry());
    return Reply.ok(Envelope.of(data));
  }

  /** {@code format} is validated, and the transcript is served in the form it was recorded or uploaded in. */
  Reply transcript(Request request) {
    request.query().oneOf("format", TRANSCRIPT_FORMATS);
    Link link = link(request, ArtifactKind.TRANSCRIPT);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sessionId", link.sessionId()); // Cloudflare's casing, mixed as it is
    data.put("transcript_download_url", link.url());
    data.put("transcript_download_url_expiry", link.expiry());
    return Reply.ok(Envelope.of(data));
  }

  Reply summary(Request request) {
    Link link = link(request, ArtifactKind.SUMMARY);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("sessionId", link.sessionId());
    data.put("summaryDownloadUrl", link.url());
    data.put("summaryDownloadUrlExpiry", link.expiry());
    return Reply.ok(Envelope.of(data));
  }

  /** {@code POST .../summary}: builds the summary from the uploaded transcript (see ExtractiveSummary). */
  Reply summarize(Request request) {
    Session session = session(request);
    String id = session.id();
    Artifacts.SummaryOutcome outcome;
    try {
      outcome = artifacts.summarize(session);
    } catch (UnreadableTranscriptException e) {
      throw ApiException.unprocessable("the transcript of session " + id + " cannot be summarized: "
          + e.getMessage());
    }
    String status = switch (outcome) {
      case CREATED -> "COMPLETED";
      case ALREADY_EXISTS -> "ALREADY_EXISTS";
      case NO_TRANSCRIPT -> throw ApiException.notFound("no transcript recorded for session " + id
          + ": a summary is built from a transcript uploaded with PUT .../sessions/" + id + "/artifacts/transcript");
      case TRANSCRIPT_NOT_UPLOADED -> throw ApiException.notFound("no uploaded transcript for session " + id
          + ": its transcript is a link recorded from a RealtimeKit webhook, which this service does not download;"
          + " upload the file with PUT .../sessions/" + id + "/artifacts/transcript");
    };
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("session_id", id);
    data.put("status", status);
    return Reply.ok(Envelope.of(data));
  }

  /** {@code PUT .../artifacts/{kind}}: the body is the file, stored as it is. */
  Reply upload(Request request) {
    ArtifactKind kind = kind(request);
    Session session = session(request);
    byte[] content = request.body();
    if (content.length == 0) {
      throw ApiException.badRequest("the body must hold the " + kind.wire() + " file's bytes; it is empty");
    }
    String type = request.header("Content-Type");
    if (type == null || type.isBlank()) {
      type = DEFAULT_CONTENT_TYPE;
    } else if (type.length() > MAX_CONTENT_TYPE) {
      throw ApiException.badRequest("Content-Type must be at most " + MAX_CONTENT_TYPE + " characters, got "
          + type.length());
    }
    Artifact stored = artifacts.upload(request.app().id(), session.id(), kind, type, content);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("session_id", stored.sessionId());
    data.put("kind", kind.wire());
    data.put("content_type", stored.contentType());
    data.put("size", stored.sizeBytes());
    data.put("updated_at", Timestamps.format(stored.updatedAt()));
    return Reply.ok(Envelope.of(data));
  }

  /**
   * {@code GET .../artifacts/{kind}?expires=&signature=}: the link is the credential, no token.
   * The app is looked up only once the signature matched (it covers the app id), so a link to an
   * unknown app, or to an app of another account, is answered as any altered link.
   */
  Reply download(Request request) {
    String appId = request.path("app_id");
    String sessionId = request.path("session_id");
    ArtifactKind kind = kind(request);
    String fresh = "; get a fresh link from GET .../sessions/" + sessionId + "/" + kind.wire();
    Params q = request.query();
    String expiresText = q.string("expires");
    String signature = q.string("signature");
    if (expiresText == null || signature == null) {
      throw ApiException.forbidden("this download link is not signed: it needs the expires and signature"
          + " parameters" + fresh);
    }
    long expires;
    try {
      expires = Long.parseLong(expiresText);
    } catch (NumberFormatException e) {
      throw ApiException.forbidden("this download link was altered or forged (expires is not a number)" + fresh);
    }
    Artifacts.LinkCheck check = artifacts.check(appId, sessionId, kind, expires, signature);
    if (check != Artifacts.LinkCheck.FORGED && catalog.findApp(request.path("account_id"), appId).isEmpty()) {
      check = Artifacts.LinkCheck.FORGED;
    }
    switch (check) {
      case FORGED -> throw ApiException.forbidden("this download link was altered or forged: its signature does not"
          + " match" + fresh);
      case EXPIRED -> throw ApiException.forbidden("this download link expired at " + Timestamps.format(expires)
          + fresh);
      case VALID -> { }
    }
    ArtifactFile file = artifacts.content(appId, sessionId, kind).orElseThrow(() -> ApiException.notFound(
        "session " + sessionId + " has no uploaded " + kind.wire() + " any more" + fresh));
    String mediaType = file.contentType().split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    boolean shown = SHOWN_TYPES.get(kind).contains(mediaType);
    return Reply.file(file.content(), file.contentType(), shown ? null : kind.wire() + "-" + sessionId);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private record Link(String sessionId, String url, String expiry) {}

  /** A recorded link as it was given; an uploaded file as a signed link to this server, valid 24 h. */
  private Link link(Request request, ArtifactKind kind) {
    Session session = session(request);
    String appId = request.app().id();
    Artifact artifact = artifacts.find(appId, session.id(), kind).orElseThrow(() -> ApiException.notFound(
        "no " + kind.wire() + " recorded for session " + session.id()));
    if (!artifact.isUploaded()) {
      return new Link(session.id(), artifact.url(), artifact.urlExpiry());
    }
    String origin = request.origin();
    if (!ORIGIN.matcher(origin).matches()) {
      throw ApiException.badRequest("the Host header must be host[:port], got " + Params.quote(origin));
    }
    Artifacts.SignedLink signed = artifacts.sign(appId, session.id(), kind);
    String url = origin + HttpApi.BASE_PATH + "/accounts/" + request.path("account_id") + "/realtime/kit/" + appId
        + "/sessions/" + session.id() + "/artifacts/" + kind.wire() + "?expires=" + signed.expiresAt()
        + "&signature=" + signed.signature();
    return new Link(session.id(), url, Timestamps.format(signed.expiresAt()));
  }

  private Session session(Request request) {
    String sessionId = request.path("session_id");
    String appId = request.app().id();
    return artifacts.session(appId, sessionId).orElseThrow(() -> ApiException.notFound(
        "session " + sessionId + " not found in app " + appId));
  }

  /** The kind in the path, checked with the other path parameters. */
  private static ArtifactKind kind(Request request) {
    return ArtifactKind.fromWire(request.path("kind"));
  }
}
