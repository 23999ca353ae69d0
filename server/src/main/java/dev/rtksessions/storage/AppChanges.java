package dev.rtksessions.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A per-app number that grows with every committed write to what the app's session lists show
 * (table {@code app_changes}). Two reads that give the same number saw the same sessions and
 * meetings in between, whichever process wrote them: each writing transaction adds 1, so the
 * sum only stays put while nothing commits. Each transaction adds to one of
 * {@link SessionCounts#STRIPES} rows, so concurrent batches do not queue on one row.
 */
public final class AppChanges {
  /** Counts one change to the app, inside the transaction that makes it. */
  public void record(Connection c, String appId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_changes (app_id, stripe, changes)"
        + " VALUES (?, ?, 1) ON CONFLICT (app_id, stripe) DO UPDATE SET changes = app_changes.changes + 1")) {
      ps.setString(1, appId);
      ps.setInt(2, ThreadLocalRandom.current().nextInt(SessionCounts.STRIPES));
      ps.executeUpdate();
    }
  }

  /** The app's number of changes so far. */
  public long of(Connection c, String appId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT COALESCE(SUM(changes), 0) FROM app_changes WHERE app_id = ?")) {
      ps.setString(1, appId);
      return Jdbc.singleLong(ps);
    }
  }
}
