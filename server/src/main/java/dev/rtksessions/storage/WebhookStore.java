package dev.rtksessions.storage;

import dev.rtksessions.model.LiveKitKey;
import dev.rtksessions.model.WebhookDelivery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Optional;

/**
 * Webhooks in: the per-app keys that verify them (RealtimeKit's public keys, LiveKit's API keys)
 * and the deliveries seen.
 */
public final class WebhookStore {
  private final Database db;

  public WebhookStore(Database db) {
    this.db = db;
  }

  /** The PEM text of the app's own webhook key; empty when it has none (or the app does not exist). */
  public Optional<String> publicKey(String appId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT webhook_public_key FROM apps WHERE id = ?")) {
        ps.setString(1, appId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
      }
    });
  }

  /**
   * Sets (or, with null, clears) the app's webhook key. Returns false when the account has no
   * such app.
   */
  public boolean setPublicKey(String accountId, String appId, String pem) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE apps SET webhook_public_key = ? WHERE id = ? AND account_id = ?")) {
        Jdbc.setNullableString(ps, 1, pem);
        ps.setString(2, appId);
        ps.setString(3, accountId);
        return ps.executeUpdate() == 1;
      }
    });
  }

  public boolean isDelivered(String appId, String deliveryId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT 1 FROM webhook_deliveries WHERE app_id = ? AND id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, deliveryId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  /** Records a delivery; a concurrent attempt of the same delivery that recorded it first wins. */
  public void recordDelivery(WebhookDelivery d) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_deliveries"
          + " (app_id, id, event, outcome, detail, received_at) VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (app_id, id) DO NOTHING")) {
        ps.setString(1, d.appId());
        ps.setString(2, d.id());
        ps.setString(3, d.event());
        ps.setString(4, d.outcome().name().toLowerCase(Locale.ROOT));
        Jdbc.setNullableString(ps, 5, d.detail() == null || d.detail().length() <= 1024
            ? d.detail() : d.detail().substring(0, 1024));
        ps.setLong(6, d.receivedAt());
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** The app's own LiveKit key; empty when it has none. */
  public Optional<LiveKitKey> liveKitKey(String appId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT api_key, api_secret FROM livekit_keys WHERE app_id = ?")) {
        ps.setString(1, appId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(new LiveKitKey(rs.getString(1), rs.getString(2))) : Optional.empty();
        }
      }
    });
  }

  /**
   * Sets (or, with null, clears) the app's LiveKit key. Returns false when the account has no
   * such app.
   */
  public boolean setLiveKitKey(String accountId, String appId, LiveKitKey key, long now) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM apps WHERE id = ? AND account_id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, accountId);
        if (Jdbc.singleLong(ps) == 0) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM livekit_keys WHERE app_id = ?")) {
        ps.setString(1, appId);
        ps.executeUpdate();
      }
      if (key != null) {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO livekit_keys (app_id, api_key, api_secret, updated_at) VALUES (?, ?, ?, ?)")) {
          ps.setString(1, appId);
          ps.setString(2, key.apiKey());
          ps.setString(3, key.apiSecret());
          ps.setLong(4, now);
          ps.executeUpdate();
        }
      }
      return true;
    });
  }
}
