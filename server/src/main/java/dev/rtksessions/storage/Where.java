package dev.rtksessions.storage;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause of the session list and the values it binds, in order. */
record Where(String sql, List<Object> values) {
  /** Whether anything besides the app is bound: the unfiltered list's plans do not depend on values. */
  boolean filters() {
    return values.size() > 1;
  }

  Where and(String condition, Object... more) {
    List<Object> all = new ArrayList<>(values);
    all.addAll(List.of(more));
    return new Where(sql + condition, all);
  }

  Where and(Condition condition) {
    return and(" AND " + condition.sql(), condition.values().toArray());
  }

  int bind(PreparedStatement ps, int start) throws SQLException {
    return bind(ps, start, values);
  }

  static int bind(PreparedStatement ps, int start, List<Object> values) throws SQLException {
    int i = start;
    for (Object v : values) {
      if (v instanceof Dialect.BoundList l) {
        l.bind(ps, i++);
      } else if (v instanceof Long l) {
        ps.setLong(i++, l);
      } else if (v instanceof Integer n) {
        ps.setInt(i++, n);
      } else {
        ps.setString(i++, (String) v);
      }
    }
    return i;
  }

  /**
   * One condition of a search. {@code sessions} is how many top-level sessions it matches when
   * the matching meetings' counters say so (the condition "a session of one of them"), else null.
   */
  record Condition(String sql, List<Object> values, Long sessions) {}
}
