package dev.rtksessions.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on 127.0.0.1 in front of a database, for outage tests that must not touch the
 * database server itself. {@link #refuse} makes it look stopped (connections reset, new ones
 * refused), {@link #hang} makes it look frozen (connections accepted, nothing answered, as
 * when packets are dropped or the server process is stopped), {@link #forward} brings it back.
 */
public final class TcpProxy implements AutoCloseable {
  private enum Mode { FORWARD, HANG, REFUSE }

  private static final Pattern HOST_PORT = Pattern.compile("//([^:/]+):(\\d+)/");

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.FORWARD;
  private volatile ServerSocket listener;

  private TcpProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    startAccepting(listener);
  }

  /** A proxy to the server a PostgreSQL JDBC URL names ({@code jdbc:postgresql://host:port/...}). */
  public static TcpProxy inFrontOf(String postgresUrl) throws IOException {
    Matcher m = HOST_PORT.matcher(postgresUrl);
    if (!m.find()) {
      throw new IllegalArgumentException("no host:port in " + postgresUrl);
    }
    return new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
  }

  /** The same JDBC URL with host and port replaced by this proxy's. */
  public String jdbcUrl(String postgresUrl) {
    return HOST_PORT.matcher(postgresUrl).replaceFirst("//127.0.0.1:" + port + "/");
  }

  /** Stops listening and resets every open connection: a stopped server. */
  public synchronized void refuse() throws IOException {
    mode = Mode.REFUSE;
    notifyAll();
    listener.close();
    for (Socket s : sockets) {
      reset(s);
    }
    sockets.clear();
  }

  /** Accepts connections but forwards nothing either way: a frozen server. */
  public synchronized void hang() {
    mode = Mode.HANG;
  }

  /** Forwards again: held data flows on, and a refusing proxy listens again on its port. */
  public synchronized void forward() throws IOException {
    if (mode == Mode.REFUSE) {
      listener = listen(port);
      startAccepting(listener);
    }
    mode = Mode.FORWARD;
    notifyAll();
  }

  private static ServerSocket listen(int port) throws IOException {
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    return s;
  }

  private void startAccepting(ServerSocket server) {
    daemon(() -> {
      while (!server.isClosed()) {
        try {
          Socket client = server.accept();
          sockets.add(client);
          daemon(() -> connect(client));
        } catch (IOException e) {
          return; // closed
        }
      }
    });
  }

  private void connect(Socket client) {
    try {
      awaitForwarding();
      Socket upstream = new Socket(targetHost, targetPort);
      sockets.add(upstream);
      daemon(() -> pump(client, upstream));
      pump(upstream, client);
    } catch (IOException e) {
      reset(client);
    }
  }

  /** Copies bytes from one socket to the other, holding them while the proxy hangs. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        awaitForwarding();
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // one side went away
    } finally {
      reset(from);
      reset(to);
    }
  }

  private synchronized void awaitForwarding() throws IOException {
    while (mode == Mode.HANG) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }
    if (mode == Mode.REFUSE) {
      throw new SocketException("refusing");
    }
  }

  private void reset(Socket s) {
    try {
      s.setSoLinger(true, 0); // RST, as a dying server's kernel sends
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
    sockets.remove(s);
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "tcp-proxy");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    refuse();
  }
}
