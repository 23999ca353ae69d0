package dev.rtksessions.cli;

import dev.rtksessions.sdk.model.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Paging and output options shared by the list commands. */
final class Listing {
  @Option(names = "--page", defaultValue = "1", description = "Page number (default ${DEFAULT-VALUE}).")
  long page;

  @Option(names = "--per-page", defaultValue = "20", description = "Items per page, 1-200 (default ${DEFAULT-VALUE}).")
  long perPage;

  @Option(names = "--all", description = "Fetch every page.")
  boolean all;

  @Option(names = {"-o", "--output"}, defaultValue = "table",
      description = "table, json or csv (default ${DEFAULT-VALUE}).")
  String output;

  Table.Format format(CommandLine cli) {
    try {
      return Table.Format.valueOf(output.toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cli, "--output must be table, json or csv, got '" + output + "'");
    }
  }

  /** Feeds the items of the first page, or of every page with --all, to {@code sink}. */
  static <T> void each(Page<T> first, boolean all, Consumer<T> sink) {
    if (all) {
      first.autoPager().forEach(sink);
    } else {
      first.items().forEach(sink);
    }
  }

  /** A timestamp option: RFC 3339 (any offset) or a date (its midnight UTC). */
  static Instant instant(CommandLine cli, String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new CommandLine.ParameterException(cli, option + " must be an RFC 3339 timestamp like"
          + " 2025-03-04T10:00:00Z or a date like 2025-03-04, got '" + value + "'");
    }
  }
}
