package dev.rtksessions.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

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
}
