package dev.rtksessions.engine;

import dev.rtksessions.model.Artifact;
import dev.rtksessions.model.ArtifactFile;
import dev.rtksessions.model.ArtifactKind;
import dev.rtksessions.model.Session;
import dev.rtksessions.storage.ArtifactStore;
import dev.rtksessions.storage.SecretStore;
import dev.rtksessions.storage.SessionStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sessions' chat exports, transcripts and summaries. Links recorded from webhooks are served
 * as recorded; uploaded files are served by this service under links signed with HMAC-SHA256
 * over (app, session, kind, expiry), which need no token and expire after {@link #LINK_LIFETIME}.
 * The signing key is generated once and kept in the database, so every process sharing it
 * signs and checks the same links.
 */
public final class Artifacts {
  public static final Duration LINK_LIFETIME = Duration.ofHours(24);
  private static final String SIGNING_KEY_NAME = "artifact-link-hmac-sha256";
  private static final String LINK_VERSION = "rtk-artifact-link-v1";
  private static final String SUMMARY_TYPE = "text/plain; charset=utf-8";

  private final ArtifactStore artifacts;
  private final SessionStore sessions;
  private final Clock clock;
  private final SecretKeySpec signingKey;

  public Artifacts(ArtifactStore artifacts, SecretStore secrets, SessionStore sessions, Clock clock) {
    this.artifacts = artifacts;
    this.sessions = sessions;
    this.clock = clock;
    byte[] candidate = new byte[32];
    new SecureRandom().nextBytes(candidate);
    String stored = secrets.getOrCreate(SIGNING_KEY_NAME, Base64.getEncoder().encodeToString(candidate),
        clock.millis());
    this.signingKey = new SecretKeySpec(Base64.getDecoder().decode(stored), "HmacSHA256");
  }

  public Optional<Session> session(String appId, String sessionId) {
    return sessions.find(appId, sessionId);
  }

  public Optional<Artifact> find(String appId, String sessionId, ArtifactKind kind) {
    return artifacts.find(appId, sessionId, kind);
  }

  public Artifact upload(String appId, String sessionId, ArtifactKind kind, String contentType, byte[] content) {
    return artifacts.storeFile(appId, sessionId, kind, contentType, content, clock.millis());
  }

  /** The uploaded file; empty when the artifact is missing or only a link. */
  public Optional<ArtifactFile> content(String appId, String sessionId, ArtifactKind kind) {
    return artifacts.content(appId, sessionId, kind);
  }

  /** A link's expiry (epoch milliseconds) and signature. */
  public record SignedLink(long expiresAt, String signature) {}

  /** Signs a link to an uploaded file that expires {@link #LINK_LIFETIME} from now. */
  public SignedLink sign(String appId, String sessionId, ArtifactKind kind) {
    long expiresAt = clock.millis() + LINK_LIFETIME.toMillis();
    return new SignedLink(expiresAt, signature(appId, sessionId, kind, expiresAt));
  }

  public enum LinkCheck { VALID, FORGED, EXPIRED }

  /** Checks a link's signature first (an altered expiry is a forgery), then its expiry. */
  public LinkCheck check(String appId, String sessionId, ArtifactKind kind, long expiresAt, String signature) {
    byte[] expected = signature(appId, sessionId, kind, expiresAt).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
      return LinkCheck.FORGED;
    }
    return clock.millis() > expiresAt ? LinkCheck.EXPIRED : LinkCheck.VALID;
  }

  private String signature(String appId, String sessionId, ArtifactKind kind, long expiresAt) {
    String message = LINK_VERSION + '\n' + appId + '\n' + sessionId + '\n' + kind.wire() + '\n' + expiresAt;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(signingKey);
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  public enum SummaryOutcome {
    /** A summary was built from the uploaded transcript and stored. */
    CREATED,
    /** The session has a summary already (uploaded, built before, or recorded from a webhook). */
    ALREADY_EXISTS,
    NO_TRANSCRIPT,
    /** The transcript is a link recorded from a webhook: its text is not here to summarize. */
    TRANSCRIPT_NOT_UPLOADED
  }

  /**
   * Builds the session's summary from its uploaded transcript, offline (see
   * {@link ExtractiveSummary}), unless it has one.
   *
   * @throws UnreadableTranscriptException when the transcript holds no utterance in any accepted form
   */
  public SummaryOutcome summarize(Session session) {
    String appId = session.appId();
    if (find(appId, session.id(), ArtifactKind.SUMMARY).isPresent()) {
      return SummaryOutcome.ALREADY_EXISTS;
    }
    Optional<Artifact> transcript = find(appId, session.id(), ArtifactKind.TRANSCRIPT);
    if (transcript.isEmpty()) {
      return SummaryOutcome.NO_TRANSCRIPT;
    }
    if (!transcript.get().isUploaded()) {
      return SummaryOutcome.TRANSCRIPT_NOT_UPLOADED;
    }
    Optional<ArtifactFile> file = content(appId, session.id(), ArtifactKind.TRANSCRIPT);
    if (file.isEmpty()) {
      return SummaryOutcome.NO_TRANSCRIPT; // replaced by a link between the two reads
    }
    Transcript parsed = Transcript.parse(new String(file.get().content(), StandardCharsets.UTF_8));
    String summary = ExtractiveSummary.write(session, parsed, clock.millis());
    upload(appId, session.id(), ArtifactKind.SUMMARY, SUMMARY_TYPE, summary.getBytes(StandardCharsets.UTF_8));
    return SummaryOutcome.CREATED;
  }
}
