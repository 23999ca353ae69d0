package dev.rtksessions.storage;

import dev.rtksessions.model.Artifact;
import dev.rtksessions.model.ArtifactFile;
import dev.rtksessions.model.ArtifactKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * Session artifacts (chat, transcript, summary): links recorded from webhooks and uploaded
 * files. The bytes live in the database (BLOB on SQLite, BYTEA on PostgreSQL; JDBC reads and
 * writes both as bytes), so every process sharing it serves the same files.
 */
public final class ArtifactStore {
  private static final String COLUMNS = "app_id, session_id, kind, url, url_expiry, content_type, size_bytes,"
      + " updated_at";
  // One artifact of a kind per session: a new link or upload replaces whatever was there.
  private static final String UPSERT = "INSERT INTO artifacts (" + COLUMNS + ", content)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (app_id, session_id, kind) DO UPDATE SET"
      + " url = excluded.url, url_expiry = excluded.url_expiry, content_type = excluded.content_type,"
      + " size_bytes = excluded.size_bytes, updated_at = excluded.updated_at, content = excluded.content";

  private final Database db;

  public ArtifactStore(Database db) {
    this.db = db;
  }

  /** The artifact without its bytes. */
  public Optional<Artifact> find(String appId, String sessionId, ArtifactKind kind) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM artifacts"
          + " WHERE app_id = ? AND session_id = ? AND kind = ?")) {
        bindKey(ps, appId, sessionId, kind);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  /** An uploaded artifact's file; empty when there is none, or when it is only a link. */
  public Optional<ArtifactFile> content(String appId, String sessionId, ArtifactKind kind) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT content_type, content FROM artifacts"
          + " WHERE app_id = ? AND session_id = ? AND kind = ? AND content IS NOT NULL")) {
        bindKey(ps, appId, sessionId, kind);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new ArtifactFile(rs.getString(1), rs.getBytes(2))) : Optional.empty();
        }
      }
    });
  }

  /** Records a link as RealtimeKit gave it, replacing any earlier link or upload. */
  public void recordLink(String appId, String sessionId, ArtifactKind kind, String url, String urlExpiry, long now) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
        bindKey(ps, appId, sessionId, kind);
        ps.setString(4, url);
        ps.setString(5, urlExpiry);
        ps.setNull(6, Types.VARCHAR);
        ps.setNull(7, Types.BIGINT);
        ps.setLong(8, now);
        ps.setNull(9, Types.BINARY);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** Stores an uploaded file, replacing any earlier link or upload. */
  public Artifact storeFile(String appId, String sessionId, ArtifactKind kind, String contentType, byte[] content,
      long now) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
        bindKey(ps, appId, sessionId, kind);
        ps.setNull(4, Types.VARCHAR);
        ps.setNull(5, Types.VARCHAR);
        ps.setString(6, contentType);
        ps.setLong(7, content.length);
        ps.setLong(8, now);
        ps.setBytes(9, content);
        ps.executeUpdate();
      }
      return null;
    });
    return new Artifact(appId, sessionId, kind, null, null, contentType, (long) content.length, now);
  }

  private static void bindKey(PreparedStatement ps, String appId, String sessionId, ArtifactKind kind)
      throws SQLException {
    ps.setString(1, appId);
    ps.setString(2, sessionId);
    ps.setString(3, kind.wire());
  }

  private static Artifact map(ResultSet rs) throws SQLException {
    return new Artifact(rs.getString("app_id"), rs.getString("session_id"), ArtifactKind.fromWire(rs.getString("kind")),
        rs.getString("url"), rs.getString("url_expiry"), rs.getString("content_type"),
        Jdbc.nullableLong(rs, "size_bytes"), rs.getLong("updated_at"));
  }
}
