package dev.rtksessions.storage;

import dev.rtksessions.model.OutboxDelivery;
import dev.rtksessions.model.WebhookEventName;
import dev.rtksessions.model.WebhookSubscription;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * RealtimeKit's webhooks out: the webhooks apps registered ({@code webhook_subscriptions}), the
 * deliveries to send ({@code webhook_outbox}), and the sessions whose end by keep-alive is still
 * to be sent ({@code session_end_watch}).
 */
public final class WebhookOutStore {
  private static final String SUBSCRIPTION_COLUMNS = "app_id, id, name, url, events, enabled, created_at, updated_at";
  private static final String OUTBOX_COLUMNS = "seq, id, app_id, webhook_id, meeting_id, event, payload, status,"
      + " attempts, next_attempt_at, last_status, last_error, created_at, updated_at";

  private final Database db;

  public WebhookOutStore(Database db) {
    this.db = db;
  }

  // ---- subscriptions ------------------------------------------------------------------------

  /** The app's webhooks, oldest first. */
  public List<WebhookSubscription> list(String appId) {
    return db.read(c -> list(c, appId));
  }

  /** The app's webhooks in a transaction, oldest first. */
  public List<WebhookSubscription> list(Connection c, String appId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS
        + " FROM webhook_subscriptions WHERE app_id = ? ORDER BY created_at, id")) {
      ps.setString(1, appId);
      return subscriptions(ps);
    }
  }

  public Optional<WebhookSubscription> find(String appId, String id) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + SUBSCRIPTION_COLUMNS
          + " FROM webhook_subscriptions WHERE app_id = ? AND id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, id);
        return subscriptions(ps).stream().findFirst();
      }
    });
  }

  /**
   * Stores a new webhook unless the app has {@code max} already; false then. The app's row is
   * locked first, so concurrent creations count one after the other.
   */
  public boolean insert(WebhookSubscription s, int max) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT id FROM apps WHERE id = ?"
          + db.dialect().lockRowsSuffix())) {
        ps.setString(1, s.appId());
        ps.executeQuery().close();
      }
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM webhook_subscriptions WHERE app_id = ?")) {
        ps.setString(1, s.appId());
        if (Jdbc.singleLong(ps) >= max) {
          return false;
        }
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_subscriptions (" + SUBSCRIPTION_COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        bindSubscription(ps, s);
        ps.executeUpdate();
      }
      return true;
    });
  }

  /** Stores new values for an existing webhook; false when it does not exist. */
  public boolean update(WebhookSubscription s) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_subscriptions SET name = ?, url = ?, events = ?,"
          + " enabled = ?, updated_at = ? WHERE app_id = ? AND id = ?")) {
        ps.setString(1, s.name());
        ps.setString(2, s.url());
        ps.setString(3, wire(s.events()));
        ps.setBoolean(4, s.enabled());
        ps.setLong(5, s.updatedAt());
        ps.setString(6, s.appId());
        ps.setString(7, s.id());
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** Removes a webhook and every delivery of it; false when it does not exist. */
  public boolean delete(String appId, String id) {
    return db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_outbox WHERE app_id = ? AND webhook_id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, id);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM webhook_subscriptions WHERE app_id = ? AND id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, id);
        return ps.executeUpdate() == 1;
      }
    });
  }

  /** The app's name, for payloads ({@code organizedBy}); "" when the app is gone. */
  public String appName(Connection c, String appId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT name FROM apps WHERE id = ?")) {
      ps.setString(1, appId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : "";
      }
    }
  }

  private static List<WebhookSubscription> subscriptions(PreparedStatement ps) throws SQLException {
    List<WebhookSubscription> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        List<WebhookEventName> events = Arrays.stream(rs.getString("events").split(","))
            .map(WebhookEventName::fromWire).filter(e -> e != null).toList();
        out.add(new WebhookSubscription(rs.getString("app_id"), rs.getString("id"), rs.getString("name"),
            rs.getString("url"), events, rs.getBoolean("enabled"), rs.getLong("created_at"), rs.getLong("updated_at")));
      }
    }
    return out;
  }

  private static void bindSubscription(PreparedStatement ps, WebhookSubscription s) throws SQLException {
    ps.setString(1, s.appId());
    ps.setString(2, s.id());
    ps.setString(3, s.name());
    ps.setString(4, s.url());
    ps.setString(5, wire(s.events()));
    ps.setBoolean(6, s.enabled());
    ps.setLong(7, s.createdAt());
    ps.setLong(8, s.updatedAt());
  }

  private static String wire(List<WebhookEventName> events) {
    return events.stream().map(WebhookEventName::wire).collect(Collectors.joining(","));
  }

  // ---- the outbox ---------------------------------------------------------------------------

  /** Adds deliveries to send, in the order given (their seq follows it). */
  public void enqueue(Connection c, List<OutboxDelivery> deliveries) throws SQLException {
    if (deliveries.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO webhook_outbox (id, app_id, webhook_id, meeting_id,"
        + " event, payload, status, attempts, next_attempt_at, claimed_until, created_at, updated_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?, 0, ?, ?)")) {
      for (OutboxDelivery d : deliveries) {
        ps.setString(1, d.id());
        ps.setString(2, d.appId());
        ps.setString(3, d.webhookId());
        ps.setString(4, d.meetingId());
        ps.setString(5, d.event());
        ps.setString(6, d.payload());
        ps.setLong(7, d.nextAttemptAt());
        ps.setLong(8, d.createdAt());
        ps.setLong(9, d.updatedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** A webhook with deliveries due now. */
  public record Due(String appId, String webhookId, String url) {}

  /** The enabled webhooks that have deliveries due at {@code now} and not being sent. */
  public List<Due> due(long now) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT o.app_id, o.webhook_id, s.url"
          + " FROM webhook_outbox o JOIN webhook_subscriptions s ON s.app_id = o.app_id AND s.id = o.webhook_id"
          + " WHERE o.status = 'pending' AND o.next_attempt_at <= ? AND o.claimed_until < ? AND s.enabled = ?")) {
        ps.setLong(1, now);
        ps.setLong(2, now);
        ps.setBoolean(3, true);
        List<Due> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(new Due(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
        return out;
      }
    });
  }

  /**
   * Takes up to {@code limit} due deliveries of a webhook for one sender until {@code until}:
   * each the oldest pending one of its meeting (so a meeting's deliveries go one at a time, in
   * order), passed over when another sender holds it. Counts the attempt.
   */
  public List<OutboxDelivery> claim(String appId, String webhookId, long now, long until, int limit) {
    return db.write(c -> {
      List<OutboxDelivery> claimed;
      try (PreparedStatement ps = c.prepareStatement("SELECT " + OUTBOX_COLUMNS + " FROM webhook_outbox o"
          + " WHERE o.app_id = ? AND o.webhook_id = ? AND o.status = 'pending' AND o.next_attempt_at <= ?"
          + " AND o.claimed_until < ? AND NOT EXISTS (SELECT 1 FROM webhook_outbox p WHERE p.app_id = o.app_id"
          + " AND p.webhook_id = o.webhook_id AND p.meeting_id = o.meeting_id AND p.status = 'pending'"
          + " AND p.seq < o.seq) ORDER BY o.seq LIMIT ?" + db.dialect().claimRowsSuffix())) {
        ps.setString(1, appId);
        ps.setString(2, webhookId);
        ps.setLong(3, now);
        ps.setLong(4, now);
        ps.setInt(5, limit);
        claimed = deliveries(ps);
      }
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE webhook_outbox SET claimed_until = ?, attempts = attempts + 1 WHERE seq = ?")) {
        for (OutboxDelivery d : claimed) {
          ps.setLong(1, until);
          ps.setLong(2, d.seq());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      List<OutboxDelivery> counted = new ArrayList<>(claimed.size());
      for (OutboxDelivery d : claimed) {
        counted.add(new OutboxDelivery(d.seq(), d.id(), d.appId(), d.webhookId(), d.meetingId(), d.event(),
            d.payload(), d.status(), d.attempts() + 1, d.nextAttemptAt(), d.lastStatus(), d.lastError(),
            d.createdAt(), d.updatedAt()));
      }
      return counted;
    });
  }

  /**
   * Records how an attempt went and lets the delivery go: SENT, FAILED for good, or PENDING
   * again from {@code nextAttemptAt}.
   */
  public void finish(long seq, OutboxDelivery.Status status, long nextAttemptAt, Integer lastStatus, String lastError,
      long now) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement("UPDATE webhook_outbox SET status = ?, next_attempt_at = ?,"
          + " claimed_until = 0, last_status = ?, last_error = ?, updated_at = ? WHERE seq = ?")) {
        ps.setString(1, status.name().toLowerCase(Locale.ROOT));
        ps.setLong(2, nextAttemptAt);
        if (lastStatus == null) {
          ps.setNull(3, Types.INTEGER);
        } else {
          ps.setInt(3, lastStatus);
        }
        Jdbc.setNullableString(ps, 4, lastError == null || lastError.length() <= 1024
            ? lastError : lastError.substring(0, 1024));
        ps.setLong(5, now);
        ps.setLong(6, seq);
        ps.executeUpdate();
      }
      return null;
    });
  }

  /** A webhook's deliveries, newest first. */
  public List<OutboxDelivery> recent(String appId, String webhookId, int limit, long offset) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + OUTBOX_COLUMNS + " FROM webhook_outbox"
          + " WHERE app_id = ? AND webhook_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?")) {
        ps.setString(1, appId);
        ps.setString(2, webhookId);
        ps.setInt(3, limit);
        ps.setLong(4, offset);
        return deliveries(ps);
      }
    });
  }

  public long count(String appId, String webhookId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM webhook_outbox WHERE app_id = ? AND webhook_id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, webhookId);
        return Jdbc.singleLong(ps);
      }
    });
  }

  /** Forgets deliveries sent or given up on before {@code before}, and end watches sent then. */
  public void prune(long before) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "DELETE FROM webhook_outbox WHERE updated_at < ? AND status <> 'pending'")) {
        ps.setLong(1, before);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_end_watch WHERE notified_at < ?")) {
        ps.setLong(1, before);
        ps.executeUpdate();
      }
      return null;
    });
  }

  private static List<OutboxDelivery> deliveries(PreparedStatement ps) throws SQLException {
    List<OutboxDelivery> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        int lastStatus = rs.getInt("last_status");
        Integer last = rs.wasNull() ? null : lastStatus;
        out.add(new OutboxDelivery(rs.getLong("seq"), rs.getString("id"), rs.getString("app_id"),
            rs.getString("webhook_id"), rs.getString("meeting_id"), rs.getString("event"), rs.getString("payload"),
            OutboxDelivery.Status.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getInt("attempts"),
            rs.getLong("next_attempt_at"), last, rs.getString("last_error"), rs.getLong("created_at"),
            rs.getLong("updated_at")));
      }
    }
    return out;
  }

  // ---- sessions whose end by keep-alive is to be sent ---------------------------------------

  /** A session that ends at {@code liveUntil} unless an event continues it. */
  public record EndWatch(String appId, String sessionId, String meetingId, long liveUntil) {}

  /**
   * Watches sessions for their end by keep-alive. A session watched before with the same
   * {@code live_until} keeps its state (sent or not); a new {@code live_until} is to be sent.
   */
  public void watch(Connection c, Collection<EndWatch> watches) throws SQLException {
    if (watches.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_end_watch (app_id, session_id, meeting_id,"
        + " live_until) VALUES (?, ?, ?, ?) ON CONFLICT (app_id, session_id) DO UPDATE SET"
        + " meeting_id = excluded.meeting_id, live_until = excluded.live_until, notified_at = CASE"
        + " WHEN session_end_watch.live_until = excluded.live_until THEN session_end_watch.notified_at END")) {
      for (EndWatch w : watches) {
        ps.setString(1, w.appId());
        ps.setString(2, w.sessionId());
        ps.setString(3, w.meetingId());
        ps.setLong(4, w.liveUntil());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** Stops watching sessions (they have peers present, were ended by an event, or are gone). */
  public void unwatch(Connection c, String appId, Collection<String> sessionIds) throws SQLException {
    if (sessionIds.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM session_end_watch WHERE app_id = ? AND session_id IN ("
        + Jdbc.placeholders(sessionIds.size()) + ")")) {
      ps.setString(1, appId);
      Jdbc.bindAll(ps, 2, sessionIds);
      ps.executeUpdate();
    }
  }

  /** Watched sessions whose end passed before {@code now} and was not sent yet, the earliest first. */
  public List<EndWatch> dueEnds(long now, int limit) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT app_id, session_id, meeting_id, live_until"
          + " FROM session_end_watch WHERE notified_at IS NULL AND live_until < ? ORDER BY live_until LIMIT ?")) {
        ps.setLong(1, now);
        ps.setInt(2, limit);
        return endWatches(ps);
      }
    });
  }

  /** The meetings' watched sessions whose end passed before {@code now} and was not sent yet. */
  public List<EndWatch> dueEnds(Connection c, String appId, Collection<String> meetingIds, long now)
      throws SQLException {
    if (meetingIds.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT app_id, session_id, meeting_id, live_until"
        + " FROM session_end_watch WHERE app_id = ? AND meeting_id IN (" + Jdbc.placeholders(meetingIds.size())
        + ") AND notified_at IS NULL AND live_until < ? ORDER BY live_until" + db.dialect().lockRowsSuffix())) {
      ps.setString(1, appId);
      int i = Jdbc.bindAll(ps, 2, meetingIds);
      ps.setLong(i, now);
      return endWatches(ps);
    }
  }

  /** Marks a watched end as sent. */
  public void notified(Connection c, EndWatch w, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE session_end_watch SET notified_at = ?"
        + " WHERE app_id = ? AND session_id = ? AND live_until = ?")) {
      ps.setLong(1, now);
      ps.setString(2, w.appId());
      ps.setString(3, w.sessionId());
      ps.setLong(4, w.liveUntil());
      ps.executeUpdate();
    }
  }

  private static List<EndWatch> endWatches(PreparedStatement ps) throws SQLException {
    List<EndWatch> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new EndWatch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
      }
    }
    return out;
  }
}
