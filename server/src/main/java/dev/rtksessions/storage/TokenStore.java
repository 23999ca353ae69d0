package dev.rtksessions.storage;

import dev.rtksessions.model.ApiToken;
import dev.rtksessions.model.Permission;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API tokens, stored by the SHA-256 hash of their secret. */
public final class TokenStore {
  private static final String COLUMNS = "id, account_id, permission, description, created_at, revoked_at";

  private final Database db;

  public TokenStore(Database db) {
    this.db = db;
  }

  public void insert(ApiToken token, String tokenHash) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (" + COLUMNS + ", token_hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        ps.setString(1, token.id());
        Jdbc.setNullableString(ps, 2, token.accountId());
        ps.setString(3, token.permission().wire());
        Jdbc.setNullableString(ps, 4, token.description());
        ps.setLong(5, token.createdAt());
        Jdbc.setNullableLong(ps, 6, token.revokedAt());
        ps.setString(7, tokenHash);
        ps.executeUpdate();
      }
      return null;
    });
  }

  public Optional<ApiToken> findByHash(String tokenHash) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM api_tokens WHERE token_hash = ?")) {
        ps.setString(1, tokenHash);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  public List<ApiToken> list() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM api_tokens ORDER BY created_at, id");
          ResultSet rs = ps.executeQuery()) {
        List<ApiToken> tokens = new ArrayList<>();
        while (rs.next()) {
          tokens.add(map(rs));
        }
        return tokens;
      }
    });
  }

  /** True when any token that is not revoked exists. */
  public boolean anyActive() {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM api_tokens WHERE revoked_at IS NULL LIMIT 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    });
  }

  /** Marks the token revoked; returns false when no active token has that id. */
  public boolean revoke(String id, long now) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
        ps.setLong(1, now);
        ps.setString(2, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  private static ApiToken map(ResultSet rs) throws SQLException {
    return new ApiToken(rs.getString("id"), rs.getString("account_id"),
        Permission.fromWire(rs.getString("permission")), rs.getString("description"), rs.getLong("created_at"),
        Jdbc.nullableLong(rs, "revoked_at"));
  }
}
