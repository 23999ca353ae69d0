package dev.rtksessions.http;

import dev.rtksessions.api.Params;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.protocol.http.HttpOpenListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xnio.ChannelListeners;
import org.xnio.IoUtils;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.StreamConnection;
import org.xnio.Xnio;
import org.xnio.XnioWorker;
import org.xnio.channels.AcceptingChannel;

/**
 * The HTTP/1.1 listener: Undertow's, set up as Undertow.builder() does, with our limits and
 * timeouts, and with each connection wrapped (UnparsedRequests) before Undertow reads from it,
 * which the builder has no hook for.
 */
public final class HttpServer implements AutoCloseable {
  /** From the first byte of a request to the end of its headers; then the connection is closed. */
  public static final Duration REQUEST_HEAD_TIMEOUT = Duration.ofSeconds(5);
  /** How long a connection may wait for its next request. */
  public static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(60);
  /** The request line and headers together; a longer head is a 400. */
  public static final int MAX_HEAD_BYTES = 64 * 1024;
  // Above every route's own limit (the largest: 32 MiB artifact uploads), so routes answer 413 themselves.
  private static final long MAX_ENTITY_BYTES = 40L * 1024 * 1024;

  private final XnioWorker worker;
  private final AcceptingChannel<StreamConnection> channel;

  private HttpServer(XnioWorker worker, AcceptingChannel<StreamConnection> channel) {
    this.worker = worker;
    this.channel = channel;
  }

  /**
   * @param workerThreads the threads handlers are dispatched to
   */
  public static HttpServer start(String host, int port, int workerThreads, HttpHandler handler) {
    int ioThreads = Math.max(Runtime.getRuntime().availableProcessors(), 2);
    XnioWorker worker;
    try {
      worker = Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(OptionMap.builder()
          .set(Options.WORKER_IO_THREADS, ioThreads)
          .set(Options.WORKER_TASK_CORE_THREADS, workerThreads)
          .set(Options.WORKER_TASK_MAX_THREADS, workerThreads)
          .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
          .set(Options.CONNECTION_LOW_WATER, 1_000_000)
          .set(Options.TCP_NODELAY, true)
          .set(Options.CORK, true)
          .getMap());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the HTTP worker threads", e);
    }
    OptionMap undertowOptions = OptionMap.builder()
        .set(UndertowOptions.BUFFER_PIPELINED_DATA, true)
        .set(UndertowOptions.MAX_ENTITY_SIZE, MAX_ENTITY_BYTES)
        .set(UndertowOptions.MAX_HEADER_SIZE, MAX_HEAD_BYTES)
        .set(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) REQUEST_HEAD_TIMEOUT.toMillis())
        .set(UndertowOptions.NO_REQUEST_TIMEOUT, (int) IDLE_CONNECTION_TIMEOUT.toMillis())
        // Paths and queries reach the handlers undecoded, whatever characters they hold, and are
        // decoded strictly there (Params, Request): malformed ones are 400s in our envelope.
        .set(UndertowOptions.DECODE_URL, false)
        .set(UndertowOptions.ALLOW_UNESCAPED_CHARACTERS_IN_URL, true)
        .set(UndertowOptions.MAX_PARAMETERS, Params.MAX_PARAMETERS)
        .getMap();
    // 16 KiB minus room for protocol headers: Undertow.builder()'s buffers (UNDERTOW-1209).
    HttpOpenListener open = new HttpOpenListener(new DefaultByteBufferPool(true, 16 * 1024 - 20, -1, 4),
        undertowOptions);
    open.setRootHandler(handler);
    try {
      AcceptingChannel<StreamConnection> channel = worker.createStreamConnectionServer(
          new InetSocketAddress(host, port),
          ChannelListeners.openListenerAdapter((StreamConnection connection) -> {
            UnparsedRequests.install(connection);
            open.handleEvent(connection);
          }),
          OptionMap.builder()
              .set(Options.WORKER_IO_THREADS, ioThreads)
              .set(Options.TCP_NODELAY, true)
              .set(Options.REUSE_ADDRESSES, true)
              .set(Options.BALANCING_TOKENS, 1)
              .set(Options.BALANCING_CONNECTIONS, 2)
              .set(Options.BACKLOG, 1000)
              .getMap());
      channel.resumeAccepts();
      return new HttpServer(worker, channel);
    } catch (IOException e) {
      worker.shutdownNow();
      throw new UncheckedIOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.getLocalAddress()).getPort();
  }

  /** Stops accepting, lets the requests in progress finish, then stops the threads. */
  @Override
  public void close() {
    IoUtils.safeClose(channel);
    worker.shutdown();
    try {
      worker.awaitTermination();
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
