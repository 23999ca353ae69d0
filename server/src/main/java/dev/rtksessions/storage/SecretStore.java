package dev.rtksessions.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/** Named secrets shared by every process that uses the same database. */
public final class SecretStore {
  private final Database db;

  public SecretStore(Database db) {
    this.db = db;
  }

  /**
   * The secret stored under {@code name}, storing {@code candidate} first if there is none.
   * Processes starting at the same time all end up with the one row that was inserted first.
   */
  public String getOrCreate(String name, String candidate, long now) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_secrets (name, secret, created_at)"
          + " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
        ps.setString(1, name);
        ps.setString(2, candidate);
        ps.setLong(3, now);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM service_secrets WHERE name = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getString(1);
        }
      }
    });
  }

  /** A key pair as PEM text. */
  public record KeyPairPem(String privateKey, String publicKey) {}

  /**
   * The key pair stored under {@code name} ({@code service_keys}), storing a new one first if
   * there is none; processes starting at the same time all end up with the first one stored.
   */
  public KeyPairPem getOrCreateKeyPair(String name, Supplier<KeyPairPem> generate, long now) {
    KeyPairPem stored = db.read(c -> keyPair(c, name));
    if (stored != null) {
      return stored;
    }
    KeyPairPem candidate = generate.get();
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO service_keys (name, private_key, public_key,"
          + " created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
        ps.setString(1, name);
        ps.setString(2, candidate.privateKey());
        ps.setString(3, candidate.publicKey());
        ps.setLong(4, now);
        ps.executeUpdate();
      }
      return keyPair(c, name);
    });
  }

  private static KeyPairPem keyPair(Connection c, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT private_key, public_key FROM service_keys WHERE name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new KeyPairPem(rs.getString(1), rs.getString(2)) : null;
      }
    }
  }
}
