package dev.rtksessions.storage;

import dev.rtksessions.model.App;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Apps, and the per-app counter of top-level sessions. */
public final class AppStore {
  private static final String COLUMNS = "id, account_id, name, created_at";

  private final Database db;

  public AppStore(Database db) {
    this.db = db;
  }

  public void insert(App app) {
    db.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "INSERT INTO apps (id, account_id, name, created_at) VALUES (?, ?, ?, ?)")) {
        ps.setString(1, app.id());
        ps.setString(2, app.accountId());
        ps.setString(3, app.name());
        ps.setLong(4, app.createdAt());
        ps.executeUpdate();
      }
      return null;
    });
  }

  public Optional<App> find(String accountId, String appId) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT " + COLUMNS + " FROM apps WHERE id = ? AND account_id = ?")) {
        ps.setString(1, appId);
        ps.setString(2, accountId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(map(rs)) : Optional.empty();
        }
      }
    });
  }

  /** One page of an account's apps, by creation time, with an optional name filter. */
  public List<App> list(String accountId, String search, boolean ascending, int limit, long offset) {
    String order = ascending ? "ASC" : "DESC";
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM apps WHERE account_id = ?"
          + (search == null ? "" : " AND LOWER(name) LIKE ? ESCAPE '\\'")
          + " ORDER BY created_at " + order + ", id " + order + " LIMIT ? OFFSET ?")) {
        int i = 1;
        ps.setString(i++, accountId);
        if (search != null) {
          ps.setString(i++, Jdbc.likeContains(search.toLowerCase(Locale.ROOT)));
        }
        ps.setInt(i++, limit);
        ps.setLong(i, offset);
        List<App> apps = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            apps.add(map(rs));
          }
        }
        return apps;
      }
    });
  }

  public long count(String accountId, String search) {
    return db.read(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM apps WHERE account_id = ?"
          + (search == null ? "" : " AND LOWER(name) LIKE ? ESCAPE '\\'"))) {
        ps.setString(1, accountId);
        if (search != null) {
          ps.setString(2, Jdbc.likeContains(search.toLowerCase(Locale.ROOT)));
        }
        return Jdbc.singleLong(ps);
      }
    });
  }

  private static App map(ResultSet rs) throws SQLException {
    return new App(rs.getString("id"), rs.getString("account_id"), rs.getString("name"), rs.getLong("created_at"));
  }
}
