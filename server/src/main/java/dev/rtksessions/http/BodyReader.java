package dev.rtksessions.http;

import dev.rtksessions.api.ApiException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Reads a request body without holding a thread while its bytes are awaited: the connection's
 * I/O thread collects what arrives, and a worker gets the body once it is complete. A client
 * that announces a body and sends it slowly, or never, therefore costs a connection and the
 * bytes it sent, not a worker; and one that sends nothing for {@link #IDLE_TIMEOUT} is
 * disconnected.
 *
 * <p>A request answered before its body was read (refused by the access checks, or too large)
 * has the rest of its body discarded as it arrives, under the same timeout, before the next
 * request on the connection is read. Closing the connection instead would make the kernel
 * answer the client's remaining bytes with a reset, and a client still sending its body then
 * loses the answer.
 */
final class BodyReader {
  /** How long a body may go without a byte arriving before the connection is closed. */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(5);
  private static final Logger log = LoggerFactory.getLogger(BodyReader.class);
  private static final AttachmentKey<BodyReader> READER = AttachmentKey.create(BodyReader.class);

  private final HttpServerExchange exchange;
  private final int maxBytes;
  private final Consumer<byte[]> onBody;
  private final Consumer<ApiException> onRefusal;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private volatile long lastByteAt = System.nanoTime();
  private volatile XnioExecutor.Key idleCheck;
  private volatile boolean ended;
  private volatile boolean refused;
  private volatile boolean finished;
  /** Not null once the body is being discarded: what runs when it has ended. */
  private volatile Runnable afterDiscard;

  private BodyReader(HttpServerExchange exchange, int maxBytes, Consumer<byte[]> onBody,
      Consumer<ApiException> onRefusal) {
    this.exchange = exchange;
    this.maxBytes = maxBytes;
    this.onBody = onBody;
    this.onRefusal = onRefusal;
  }

  /**
   * Reads the body of {@code exchange}; {@code onBody} gets it on a worker thread. A body above
   * {@code maxBytes} is refused through {@code onRefusal} with a 413: at once when Content-Length
   * says so, else (chunked) as soon as it grows past the limit.
   */
  static void read(HttpServerExchange exchange, int maxBytes, Consumer<byte[]> onBody,
      Consumer<ApiException> onRefusal) {
    long declared = exchange.getRequestContentLength();
    if (declared > maxBytes) {
      onRefusal.accept(tooLarge(maxBytes, ", got " + declared));
      return;
    }
    new BodyReader(exchange, maxBytes, onBody, onRefusal).start();
  }

  /**
   * Drops the rest of the body of {@code exchange} as it arrives (continuing a read in progress,
   * if any), then runs {@code then}; closes the connection instead if the body stalls.
   */
  static void discardRest(HttpServerExchange exchange, Runnable then) {
    BodyReader reading = exchange.getAttachment(READER);
    if (reading != null) {
      reading.discard(then);
      return;
    }
    BodyReader discarding = new BodyReader(exchange, 0, null, null);
    discarding.afterDiscard = then;
    discarding.start();
  }

  private void start() {
    exchange.putAttachment(READER, this);
    idleCheck = exchange.getIoThread().executeAfter(this::checkIdle, IDLE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    exchange.getRequestReceiver().receivePartialBytes(this::received, (ex, e) -> failed(e));
  }

  private void received(HttpServerExchange ex, byte[] bytes, boolean last) {
    if (finished) {
      return;
    }
    lastByteAt = System.nanoTime();
    ended = last;
    Runnable then = afterDiscard;
    if (then != null) {
      if (last) {
        finish();
        then.run();
      }
      return;
    }
    if (refused) {
      return;
    }
    if (received.size() + bytes.length > maxBytes) {
      // A chunked body past the limit: the 413 is sent now, and its sending discards the rest.
      refused = true;
      onRefusal.accept(tooLarge(maxBytes, ""));
      return;
    }
    received.writeBytes(bytes);
    if (!last) {
      return;
    }
    finish();
    Runnable handOver = () -> onBody.accept(received.toByteArray());
    if (ex.isInIoThread()) {
      ex.dispatch(handOver);
    } else {
      handOver.run(); // the body was there already: still on the worker that started the read
    }
  }

  private void discard(Runnable then) {
    afterDiscard = then;
    if (ended && !finished) {
      finish();
      then.run();
    }
  }

  /**
   * The client went away, or its body cannot be read: nobody to answer. (Undertow closes the
   * connection itself when chunked coding is malformed, before this runs.)
   */
  private void failed(IOException e) {
    if (finished) {
      return;
    }
    finish();
    log.debug("request body not read ({} {}): {}", exchange.getRequestMethod(), exchange.getRequestPath(),
        e.toString());
    IoUtils.safeClose(exchange.getConnection());
  }

  private void checkIdle() {
    if (finished) {
      return;
    }
    long leftNanos = IDLE_TIMEOUT.toNanos() - (System.nanoTime() - lastByteAt);
    if (leftNanos > 0) {
      idleCheck = exchange.getIoThread().executeAfter(this::checkIdle, leftNanos, TimeUnit.NANOSECONDS);
      return;
    }
    finished = true;
    log.debug("closing the connection of {}: no byte of the request body for {} s", exchange.getSourceAddress(),
        IDLE_TIMEOUT.toSeconds());
    IoUtils.safeClose(exchange.getConnection());
  }

  private void finish() {
    finished = true;
    XnioExecutor.Key check = idleCheck;
    if (check != null) {
      check.remove();
    }
  }

  private static ApiException tooLarge(int maxBytes, String got) {
    return ApiException.tooLarge("the body must be at most " + maxBytes + " bytes" + got);
  }
}
