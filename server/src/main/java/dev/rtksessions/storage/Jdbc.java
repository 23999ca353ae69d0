package dev.rtksessions.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Collections;

/** Small JDBC helpers shared by the stores. */
final class Jdbc {
  private Jdbc() {}

  /** "?, ?, ?" for an IN list of {@code n} values. */
  static String placeholders(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  /** The first column of the first row a query gives, as a number (0 when it gives none). */
  static long singleLong(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  static void setNullableString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }

  /** Binds {@code values} from {@code start}; returns the next free index. */
  static int bindAll(PreparedStatement ps, int start, Collection<String> values) throws SQLException {
    int i = start;
    for (String v : values) {
      ps.setString(i++, v);
    }
    return i;
  }

  /** Escapes LIKE wildcards so user text matches literally (used with ESCAPE '\'). */
  static String likeContains(String text) {
    String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
