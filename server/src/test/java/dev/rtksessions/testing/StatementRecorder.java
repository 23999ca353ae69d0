package dev.rtksessions.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A connection that remembers every statement prepared and run on it with the values bound to
 * it, so a test can ask the database how it runs exactly what the service ran.
 */
public final class StatementRecorder {
  /** One statement as it ran: its SQL and its bound values in parameter order. */
  public record Ran(String sql, List<Object> values) {}

  private final List<Ran> ran = new ArrayList<>();

  public List<Ran> ran() {
    return ran;
  }

  /** {@code c}, recording what runs on it. */
  public Connection wrap(Connection c) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result = invoke(method, c, args);
          if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")) {
            return recording(ps, (String) args[0]);
          }
          return result;
        });
  }

  private PreparedStatement recording(PreparedStatement ps, String sql) {
    TreeMap<Integer, Object> values = new TreeMap<>();
    return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
          String name = method.getName();
          if (name.startsWith("set") && args != null && args.length == 2 && args[0] instanceof Integer index) {
            values.put(index, args[1]);
          } else if (name.equals("executeQuery")) {
            ran.add(new Ran(sql, List.copyOf(values.values())));
          }
          return invoke(method, ps, args);
        });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
