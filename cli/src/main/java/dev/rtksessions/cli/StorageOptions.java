package dev.rtksessions.cli;

import dev.rtksessions.storage.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the data lives: shared by every command that opens the store. */
final class StorageOptions {
  @Option(names = "--data-dir", defaultValue = "${env:RTK_DATA_DIR:-./data}",
      description = "Directory of the embedded SQLite store (env RTK_DATA_DIR, default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--database-url", defaultValue = "${env:RTK_DATABASE_URL}",
      description = "A jdbc:postgresql://... URL to use PostgreSQL instead of SQLite (env RTK_DATABASE_URL).")
  String databaseUrl;

  String jdbcUrl() {
    return databaseUrl == null || databaseUrl.isBlank() ? Database.sqliteUrl(dataDir) : databaseUrl;
  }

  Database open() {
    return Database.open(jdbcUrl(), 2);
  }
}
