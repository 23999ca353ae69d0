package dev.rtksessions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rtksessions.contract.OpenApiContract;
import dev.rtksessions.model.Permission;
import dev.rtksessions.service.ServiceConfig;
import dev.rtksessions.testing.ApiClient;
import dev.rtksessions.testing.Events;
import dev.rtksessions.testing.PerStoreTest;
import dev.rtksessions.testing.RtkWebhooks;
import dev.rtksessions.testing.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session's chat, transcript and summary (spec §4): uploads through our extension, signed
 * download links that need no token and expire after 24 h, links recorded from webhooks, and
 * the offline summary. Through a real socket, once per store; the answers are also checked
 * against Cloudflare's published schemas.
 */
abstract class ArtifactsApiTest extends PerStoreTest {
  static final Instant BASE = Instant.parse("2025-03-04T08:00:00Z");
  static final Instant NOW = Instant.parse("2025-03-05T12:00:00Z");
  static final OpenApiContract CONTRACT = OpenApiContract.cloudflareRealtimeKit();
  static final KeyPair KEYS = RtkWebhooks.newKeyPair();
  static final String TRANSCRIPT_VTT = """
      WEBVTT

      00:00:01.000 --> 00:00:04.000
      <v Alice>Good morning everyone, thanks for joining.

      00:00:05.000 --> 00:00:12.000
      <v Bob>Yeah, okay.

      00:00:13.000 --> 00:00:30.000
      <v Alice>The database migration for the billing service moves to Thursday, because the billing database \
      replica is still rebuilding.

      00:00:31.000 --> 00:00:40.000
      <v Bob>Sounds good to me.

      00:00:41.000 --> 00:01:00.000
      <v Bob>I will tell the billing team about the migration window.

      00:01:01.000 --> 00:02:10.000
      <v Alice>Great, thanks. See you tomorrow.
      """;
  String app;
  String session;

  @Override
  protected ServiceConfig configure(ServiceConfig config) {
    return config.withWebhookPublicKey(KEYS.getPublic());
  }

  /** Every test gets an app with one ended session (UUID ids, as Cloudflare's schemas declare). */
  @BeforeEach
  void aSession() {
    t.clock.set(NOW);
    app = t.newApp();
    session = uuid();
    String meeting = uuid();
    Events ev = new Events(BASE).join(meeting, "p1", 0).with("session_id", session).leave(meeting, "p1", 600);
    assertThat(t.postEvents(app, ev.json()).status()).isEqualTo(200);
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }

  private String sessionPath() {
    return t.appPath(app) + "/sessions/" + session;
  }

  private ApiClient.Response upload(String kind, String content, String contentType) {
    return t.client.put(sessionPath() + "/artifacts/" + kind, t.adminToken, content.getBytes(StandardCharsets.UTF_8),
        contentType);
  }

  /** GETs an endpoint, expects 200, and checks the answer against the published schema. */
  private JsonNode read(String operationId, String pathAndQuery) {
    ApiClient.Response r = t.get(pathAndQuery);
    assertThat(r.status()).as("GET %s -> %s", pathAndQuery, r.body()).isEqualTo(200);
    assertThat(CONTRACT.validateResponse(operationId, 200, r.body())).as("%s answer %s", operationId, r.body())
        .isEmpty();
    return r.body().get("data");
  }

  private static void assertError(ApiClient.Response r, int status, String message) {
    assertThat(r.status()).as("%s", r.body()).isEqualTo(status);
    assertThat(r.body().at("/error/message").asText()).isEqualTo(message);
  }

  private static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  // ---- uploads and signed links -------------------------------------------------------------

  @Test
  void anUploadedChatIsServedUnderASignedLinkThatNeedsNoToken() {
    String csv = "id,participantId,sessionId,meetingId,displayName,pinned,isEdited,payloadType,payload,createdAt\n"
        + "c1,p1," + session + ",m,Alice,false,false,TEXT_MESSAGE,hello,2025-03-04T08:01:00Z\n";
    ApiClient.Response put = upload("chat", csv, "text/csv; charset=utf-8");
    assertThat(put.status()).as("%s", put.body()).isEqualTo(200);
    assertThat(put.body().at("/data/session_id").asText()).isEqualTo(session);
    assertThat(put.body().at("/data/kind").asText()).isEqualTo("chat");
    assertThat(put.body().at("/data/size").asInt()).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
    assertThat(put.body().at("/data/content_type").asText()).isEqualTo("text/csv; charset=utf-8");

    JsonNode chat = read("GetSessionChat", sessionPath() + "/chat");
    String url = chat.get("chat_download_url").asText();
    assertThat(url).startsWith(t.service.baseUrl() + "/accounts/" + t.accountId + "/realtime/kit/" + app
        + "/sessions/" + session + "/artifacts/chat?expires=" + NOW.plus(Duration.ofHours(24)).toEpochMilli()
        + "&signature=");
    assertThat(chat.get("chat_download_url_expiry").asText()).isEqualTo("2025-03-06T12:00:00.000Z");

    HttpResponse<byte[]> file = t.client.download(url);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(text(file)).isEqualTo(csv);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
  }

  @Test
  void aLinkExpiresAfter24Hours() {
    assertThat(upload("chat", "id,payload\n1,hi\n", "text/csv").status()).isEqualTo(200);
    String url = read("GetSessionChat", sessionPath() + "/chat").get("chat_download_url").asText();
    t.clock.advance(Duration.ofHours(24));
    assertThat(t.client.download(url).statusCode()).as("valid through its expiry instant").isEqualTo(200);
    t.clock.advance(Duration.ofMillis(1));
    ApiClient.Response expired = t.client.get(url, null);
    assertError(expired, 403, "this download link expired at 2025-03-06T12:00:00.000Z; get a fresh link from"
        + " GET .../sessions/" + session + "/chat");
    String fresh = read("GetSessionChat", sessionPath() + "/chat").get("chat_download_url").asText();
    assertThat(fresh).isNotEqualTo(url);
    assertThat(t.client.download(fresh).statusCode()).isEqualTo(200);
  }

  @Test
  void aForgedOrAlteredLinkIsRefused() {
    assertThat(upload("chat", "id,payload\n1,hi\n", "text/csv").status()).isEqualTo(200);
    assertThat(upload("transcript", "Alice: hello there\n", "text/plain").status()).isEqualTo(200);
    String url = read("GetSessionChat", sessionPath() + "/chat").get("chat_download_url").asText();
    String forged = "this download link was altered or forged: its signature does not match; get a fresh link from"
        + " GET .../sessions/" + session;
    int sig = url.indexOf("signature=") + "signature=".length();
    String flipped = url.substring(0, sig) + (url.charAt(sig) == 'A' ? 'B' : 'A') + url.substring(sig + 1);
    assertError(t.client.get(flipped, null), 403, forged + "/chat");
    String later = url.replaceFirst("expires=(\\d+)", "expires=" + NOW.plus(Duration.ofDays(30)).toEpochMilli());
    assertError(t.client.get(later, null), 403, forged + "/chat");
    // The signature covers the kind and the session: it opens nothing else.
    assertError(t.client.get(url.replace("/artifacts/chat?", "/artifacts/transcript?"), null), 403,
        forged + "/transcript");
    String other = uuid();
    assertThat(t.client.get(url.replace(session, other), null).status()).isEqualTo(403);
    assertError(t.client.get(url.replaceFirst("\\?.*", ""), null), 403, "this download link is not signed: it"
        + " needs the expires and signature parameters; get a fresh link from GET .../sessions/" + session + "/chat");
    assertError(t.client.get(url.replaceFirst("expires=\\d+", "expires=soon"), null), 403,
        "this download link was altered or forged (expires is not a number); get a fresh link from GET"
            + " .../sessions/" + session + "/chat");
  }

  @Test
  void aLinkToAnUnknownAppIsAnsweredExactlyAsAnAlteredLink() {
    assertThat(upload("chat", "id,payload\n1,hi\n", "text/csv").status()).isEqualTo(200);
    String url = read("GetSessionChat", sessionPath() + "/chat").get("chat_download_url").asText();
    int sig = url.indexOf("signature=") + "signature=".length();
    ApiClient.Response altered = t.client.get(url.substring(0, sig) + (url.charAt(sig) == 'A' ? 'B' : 'A')
        + url.substring(sig + 1), null);
    assertThat(altered.status()).isEqualTo(403);
    // Another app id, or the same app under another account: the signature (which covers the app)
    // or the account no longer match, and the answer does not say whether the app exists.
    ApiClient.Response unknownApp = t.client.get(url.replace("/kit/" + app + "/", "/kit/" + uuid() + "/"), null);
    ApiClient.Response otherAccount = t.client.get(url.replace("/accounts/" + t.accountId + "/",
        "/accounts/other-acc/"), null);
    for (ApiClient.Response r : List.of(unknownApp, otherAccount)) {
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.raw().body()).isEqualTo(altered.raw().body());
    }
  }

  /** The download link of an uploaded artifact (the field differs by kind, as in Cloudflare's answers). */
  private String link(String kind) {
    return switch (kind) {
      case "chat" -> t.get(sessionPath() + "/chat").body().at("/data/chat_download_url").asText();
      case "transcript" -> t.get(sessionPath() + "/transcript").body().at("/data/transcript_download_url").asText();
      default -> t.get(sessionPath() + "/summary").body().at("/data/summaryDownloadUrl").asText();
    };
  }

  @Test
  void anUploadIsNeverServedAsAPageOfTheService() {
    String page = "<html><body><script>fetch('/client/v4/accounts', {credentials: 'include'})</script></body></html>";
    for (String type : List.of("text/html", "Text/HTML; charset=utf-8", "image/svg+xml", "application/xhtml+xml",
        "application/octet-stream")) {
      assertThat(upload("chat", page, type).status()).isEqualTo(200);
      HttpResponse<byte[]> file = t.client.download(link("chat"));
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type")).hasValue(type);
      assertThat(file.headers().firstValue("Content-Disposition")).as(type)
          .hasValue("attachment; filename=\"chat-" + session + "\"");
      assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(file.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; sandbox");
    }
  }

  @Test
  void theExpectedTextTypesAreShownStillWithoutScripts() {
    Map<String, List<String>> shown = Map.of(
        "chat", List.of("text/csv", "text/plain; charset=utf-8", "application/json"),
        "transcript", List.of("text/vtt", "application/x-subrip", "text/csv", "text/plain", "application/json"),
        "summary", List.of("text/plain", "text/markdown", "application/json"));
    shown.forEach((kind, types) -> {
      for (String type : types) {
        assertThat(upload(kind, "hello\n", type).status()).isEqualTo(200);
        HttpResponse<byte[]> file = t.client.download(link(kind));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition")).as("%s %s", kind, type).isEmpty();
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; sandbox");
      }
    });
    // A type shown for one kind is not for every kind.
    assertThat(upload("chat", "WEBVTT\n", "text/vtt").status()).isEqualTo(200);
    assertThat(t.client.download(link("chat")).headers().firstValue("Content-Disposition")).isPresent();
  }

  @Test
  void transcriptAndSummaryAnswersUseCloudflaresCasing() {
    assertThat(upload("transcript", TRANSCRIPT_VTT, "text/vtt").status()).isEqualTo(200);
    assertThat(upload("summary", "Short summary.\n", "text/plain").status()).isEqualTo(200);
    JsonNode transcript = read("GetSessionTranscript", sessionPath() + "/transcript");
    assertThat(transcript.get("sessionId").asText()).isEqualTo(session);
    assertThat(transcript.get("transcript_download_url_expiry").asText()).isEqualTo("2025-03-06T12:00:00.000Z");
    assertThat(text(t.client.download(transcript.get("transcript_download_url").asText()))).isEqualTo(TRANSCRIPT_VTT);
    // format is validated; the transcript is served in the form it was uploaded in.
    for (String format : List.of("SRT", "VTT", "JSON", "CSV")) {
      read("GetSessionTranscript", sessionPath() + "/transcript?format=" + format);
    }
    assertError(t.get(sessionPath() + "/transcript?format=XML"), 400,
        "format must be one of SRT, VTT, JSON, CSV, got \"XML\"");
    JsonNode summary = read("GetSessionSummary", sessionPath() + "/summary");
    assertThat(summary.get("sessionId").asText()).isEqualTo(session);
    assertThat(summary.get("summaryDownloadUrlExpiry").asText()).isEqualTo("2025-03-06T12:00:00.000Z");
    assertThat(text(t.client.download(summary.get("summaryDownloadUrl").asText()))).isEqualTo("Short summary.\n");
  }

  @Test
  void linksRecordedFromWebhooksAreServedAsRecorded() {
    RtkWebhooks rtk = new RtkWebhooks(t.client, KEYS.getPrivate());
    String meetingId = uuid();
    String chatUrl = "https://rtk-exports.example.com/chat/" + session + ".csv?X-Amz-Signature=abc";
    String chatExpiry = "2025-03-05 12:00:00.903816Z";
    assertThat(rtk.deliver(t.appPath(app), "w-chat", RtkWebhooks.chatSynced(meetingId, session, chatUrl, chatExpiry))
        .body().at("/data/status").asText()).isEqualTo("applied");
    assertThat(rtk.deliver(t.appPath(app), "w-transcript", RtkWebhooks.artifact("meeting.transcript", "transcript",
        RtkWebhooks.meeting(meetingId, session, "t"), "https://x.example/t.csv", "2025-03-05T13:00:00Z")).status())
        .isEqualTo(200);
    assertThat(rtk.deliver(t.appPath(app), "w-summary", RtkWebhooks.artifact("meeting.summary", "summary",
        RtkWebhooks.meeting(meetingId, session, "t"), "https://x.example/s.txt", "2025-03-05T14:00:00.5+01:00"))
        .status()).isEqualTo(200);

    JsonNode chat = read("GetSessionChat", sessionPath() + "/chat");
    assertThat(chat.get("chat_download_url").asText()).isEqualTo(chatUrl);
    assertThat(chat.get("chat_download_url_expiry").asText()).isEqualTo(chatExpiry);
    JsonNode transcript = read("GetSessionTranscript", sessionPath() + "/transcript");
    assertThat(transcript.get("transcript_download_url").asText()).isEqualTo("https://x.example/t.csv");
    assertThat(transcript.get("transcript_download_url_expiry").asText()).isEqualTo("2025-03-05T13:00:00Z");
    JsonNode summary = read("GetSessionSummary", sessionPath() + "/summary");
    assertThat(summary.get("summaryDownloadUrl").asText()).isEqualTo("https://x.example/s.txt");
    assertThat(summary.get("summaryDownloadUrlExpiry").asText()).isEqualTo("2025-03-05T14:00:00.5+01:00");

    // The latest wins: an upload replaces a recorded link, and a new link replaces an upload.
    assertThat(upload("chat", "id,payload\n1,hi\n", "text/csv").status()).isEqualTo(200);
    assertThat(read("GetSessionChat", sessionPath() + "/chat").get("chat_download_url").asText())
        .startsWith(t.service.baseUrl());
    assertThat(rtk.deliver(t.appPath(app), "w-chat-2", RtkWebhooks.chatSynced(meetingId, session, chatUrl + "2",
        chatExpiry)).status()).isEqualTo(200);
    assertThat(read("GetSessionChat", sessionPath() + "/chat").get("chat_download_url").asText())
        .isEqualTo(chatUrl + "2");
  }

  // ---- not found and bad input --------------------------------------------------------------

  @Test
  void unknownSessionsAndMissingArtifactsAre404() {
    for (String kind : List.of("chat", "transcript", "summary")) {
      assertError(t.get(sessionPath() + "/" + kind), 404, "no " + kind + " recorded for session " + session);
    }
    String unknown = uuid();
    String unknownPath = t.appPath(app) + "/sessions/" + unknown;
    String notFound = "session " + unknown + " not found in app " + app;
    for (String kind : List.of("chat", "transcript", "summary")) {
      assertError(t.get(unknownPath + "/" + kind), 404, notFound);
    }
    assertError(t.client.send("POST", unknownPath + "/summary", t.adminToken, null), 404, notFound);
    assertError(t.client.put(unknownPath + "/artifacts/chat", t.adminToken, new byte[] {1}, null), 404, notFound);
    // A session of another app is unknown here, whatever that app holds.
    String otherApp = t.newApp();
    assertError(t.get(t.appPath(otherApp) + "/sessions/" + session + "/chat"), 404,
        "session " + session + " not found in app " + otherApp);
    assertError(t.get(t.appPath(app) + "/sessions/bad%20id/chat"), 400,
        "session_id must be 1-64 characters of A-Z a-z 0-9 . _ : -, got \"bad id\"");
  }

  @Test
  void uploadsAreCheckedAndNeedRealtimeAdmin() {
    assertError(upload("video", "x", null), 400,
        "the artifact kind must be one of chat, transcript, summary, got \"video\"");
    assertError(upload("chat", "", null), 400, "the body must hold the chat file's bytes; it is empty");
    String reader = t.service.tokens().create(t.accountId, Permission.REALTIME, "reader").secret();
    ApiClient.Response readOnly = t.client.put(sessionPath() + "/artifacts/chat", reader, new byte[] {1}, null);
    assertThat(readOnly.status()).isEqualTo(403);
    ApiClient.Response tooLarge = t.client.put(sessionPath() + "/artifacts/transcript", t.adminToken,
        new byte[ArtifactRoutes.MAX_UPLOAD_BYTES + 1], null);
    assertThat(tooLarge.status()).isEqualTo(413);
    assertError(t.get(sessionPath() + "/chat"), 404, "no chat recorded for session " + session);
    // Without a Content-Type the file is served as bytes of unknown type.
    assertThat(upload("chat", "a,b\n", null).body().at("/data/content_type").asText())
        .isEqualTo("application/octet-stream");
    // Reading needs a token like every read; only the signed link goes without.
    assertThat(t.client.get(sessionPath() + "/chat", null).status()).isEqualTo(401);
    assertThat(t.client.get(sessionPath() + "/chat", reader).status()).isEqualTo(200);
  }

  // ---- the offline summary ------------------------------------------------------------------

  @Test
  void postSummaryBuildsAnExtractiveSummaryFromTheUploadedTranscript() {
    assertThat(upload("transcript", TRANSCRIPT_VTT, "text/vtt").status()).isEqualTo(200);
    ApiClient.Response posted = t.client.send("POST", sessionPath() + "/summary", t.adminToken, null);
    assertThat(posted.status()).as("%s", posted.body()).isEqualTo(200);
    assertThat(CONTRACT.validateResponse("post-sessions-session_id-summary", 200, posted.body())).isEmpty();
    assertThat(posted.body().at("/data/session_id").asText()).isEqualTo(session);
    assertThat(posted.body().at("/data/status").asText()).isEqualTo("COMPLETED");

    JsonNode summary = read("GetSessionSummary", sessionPath() + "/summary");
    HttpResponse<byte[]> file = t.client.download(summary.get("summaryDownloadUrl").asText());
    assertThat(file.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    List<String> lines = text(file).lines().toList();
    assertThat(lines.get(0)).isEqualTo("Summary of session " + session);
    assertThat(lines).contains("Speakers: Alice (3 lines), Bob (3 lines)",
        "Time span: 00:00:01 to 00:02:10 into the recording (2 min 9 s)");
    int keyPoints = lines.indexOf("Key points:");
    // Seven sentences give two key points: the content-heavy one first (it came first), then
    // the other one about the migration; the fillers are left out.
    assertThat(lines.get(keyPoints + 1)).isEqualTo("- Alice: The database migration for the billing service moves"
        + " to Thursday, because the billing database replica is still rebuilding.");
    assertThat(lines.get(keyPoints + 2))
        .isEqualTo("- Bob: I will tell the billing team about the migration window.");
    assertThat(lines.get(keyPoints + 3)).isEmpty();
    assertThat(text(file)).doesNotContain("Yeah, okay", "Good morning");

    ApiClient.Response again = t.client.send("POST", sessionPath() + "/summary", t.adminToken, null);
    assertThat(again.body().at("/data/status").asText()).isEqualTo("ALREADY_EXISTS");
  }

  @Test
  void postSummaryNeedsAnUploadedReadableTranscript() {
    String path = sessionPath() + "/summary";
    assertError(t.client.send("POST", path, t.adminToken, null), 404, "no transcript recorded for session "
        + session + ": a summary is built from a transcript uploaded with PUT .../sessions/" + session
        + "/artifacts/transcript");
    RtkWebhooks rtk = new RtkWebhooks(t.client, KEYS.getPrivate());
    assertThat(rtk.deliver(t.appPath(app), "w-t", RtkWebhooks.artifact("meeting.transcript", "transcript",
        RtkWebhooks.meeting(uuid(), session, "t"), "https://x.example/t.csv", "2025-03-05T13:00:00Z")).status())
        .isEqualTo(200);
    ApiClient.Response linkOnly = t.client.send("POST", path, t.adminToken, null);
    assertThat(linkOnly.status()).isEqualTo(404);
    assertThat(linkOnly.body().at("/error/message").asText()).startsWith("no uploaded transcript for session "
        + session + ": its transcript is a link recorded from a RealtimeKit webhook");
    assertThat(upload("transcript", "{\"speakers\": 2}", "application/json").status()).isEqualTo(200);
    assertError(t.client.send("POST", path, t.adminToken, null), 422, "the transcript of session " + session
        + " cannot be summarized: the JSON transcript holds no array of utterances (expected one under data, lines,"
        + " results, segments, transcript, transcripts, utterances)");
    String reader = t.service.tokens().create(t.accountId, Permission.REALTIME, "reader").secret();
    assertThat(t.client.send("POST", path, reader, null).status()).isEqualTo(403);
    assertError(t.get(sessionPath() + "/summary"), 404, "no summary recorded for session " + session);
  }

  /** The suite on the embedded default store. */
  static final class OnSqliteTest extends ArtifactsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.SQLITE;
    }
  }

  /** The suite on PostgreSQL. */
  static final class OnPostgresTest extends ArtifactsApiTest {
    @Override
    protected TestDatabases.Kind kind() {
      return TestDatabases.Kind.POSTGRESQL;
    }
  }
}
