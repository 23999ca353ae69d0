package dev.rtksessions.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rtksessions.api.ApiException;
import dev.rtksessions.api.Envelope;
import dev.rtksessions.api.Json;
import dev.rtksessions.api.Params;
import dev.rtksessions.api.PercentEncoding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xnio.StreamConnection;
import org.xnio.conduits.AbstractStreamSinkConduit;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSinkConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Undertow answers a request it cannot parse itself, before any handler runs: a malformed
 * {@code %} escape anywhere in the target or a raw space in it (its parser checks the escapes'
 * syntax whatever the options), more query parameters than allowed, a malformed header line, a
 * head above the size limit (HttpReadListener: a fixed "400 Bad Request" with no body), or a
 * missing or malformed Host header (HostHeaderHandler, which runs before the root handler).
 * Each is an empty 400 that closes the connection, and no option or handler changes that. So
 * each connection is wrapped: reads keep a copy of the head of the request being read, and an
 * empty 400 that closes the connection, written first for a request, goes out as our error
 * envelope instead, saying what is wrong with that head (the same rules and messages as the
 * handlers', where it is the path or the query).
 */
final class UnparsedRequests {
  private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
  private static final Pattern HEADER_NAME = Pattern.compile(TOKEN);
  private static final Pattern REQUEST_LINE = Pattern.compile("(" + TOKEN + ") (.*) (HTTP/\\d\\.\\d)");
  private static final byte[] STATUS_400 = "HTTP/1.1 400 ".getBytes(StandardCharsets.US_ASCII);

  private UnparsedRequests() {}

  /** Wraps a new connection, before Undertow reads from it. */
  static void install(StreamConnection connection) {
    Head head = new Head();
    connection.getSourceChannel().setConduit(new Recording(connection.getSourceChannel().getConduit(), head));
    connection.getSinkChannel().setConduit(new Answering(connection.getSinkChannel().getConduit(), head));
  }

  /** What is wrong with a request whose head Undertow refused (the head as read, up to the size limit). */
  private static String explain(String head) {
    boolean tooLong = head.length() >= HttpServer.MAX_HEAD_BYTES;
    String limit = "the request line and headers must be at most " + HttpServer.MAX_HEAD_BYTES + " bytes";
    int eol = head.indexOf('\n');
    if (eol < 0) {
      return tooLong ? limit : "the request line is incomplete";
    }
    String line = head.substring(0, eol).replace("\r", "");
    Matcher m = REQUEST_LINE.matcher(line);
    if (!m.matches()) {
      return "the request line must be a method, a space, the path (with ?query), a space and HTTP/1.1, got "
          + Params.quote(line);
    }
    String target = m.group(2);
    if (target.contains(" ")) {
      return "the path and query must not contain a raw space: write it %20 (in a query, + also), got "
          + Params.quote(target);
    }
    int q = target.indexOf('?');
    for (String segment : (q < 0 ? target : target.substring(0, q)).split("/")) {
      try {
        PercentEncoding.decode(segment, false);
      } catch (IllegalArgumentException e) {
        return "the path is not valid percent-encoding: " + e.getMessage();
      }
    }
    if (q >= 0) {
      try {
        Params.parse(target.substring(q + 1));
      } catch (ApiException e) {
        return e.getMessage();
      }
    }
    if (tooLong) {
      return limit;
    }
    List<String> lengths = new ArrayList<>();
    int count = 0;
    for (String header : head.substring(eol + 1).split("\r?\n")) {
      if (header.isEmpty()) {
        break;
      }
      count++;
      int colon = header.indexOf(':');
      if (colon <= 0 || !HEADER_NAME.matcher(header.substring(0, colon)).matches()) {
        return "the header line " + Params.quote(header) + " is malformed: each must be Name: value, with no space in"
            + " the name";
      }
      if (header.substring(0, colon).equalsIgnoreCase("Content-Length")) {
        lengths.add(header.substring(colon + 1).trim());
      }
    }
    if (lengths.size() > 1) {
      return "Content-Length must be given once, got " + lengths.size() + " values";
    }
    if (lengths.size() == 1 && !lengths.get(0).matches("\\d{1,18}")) {
      return "Content-Length must be a whole number of bytes, got " + Params.quote(lengths.get(0));
    }
    return count > 200 ? "a request may have at most 200 headers, got " + count
        : "the headers could not be read (each must be Name: value, with printable characters)";
  }

  /** The head of the request being read on a connection, kept until its answer begins. */
  private static final class Head {
    private byte[] bytes = new byte[512];
    private int length;
    /** The blank line that ends the head was read: what follows is a body. */
    private boolean complete;
    /** An answer was written since the last read: the next read begins a request. */
    private boolean answered;

    synchronized void read(ByteBuffer buffer, int from, int count) {
      if (answered) {
        answered = false;
        complete = false;
        length = 0;
        if (bytes.length > 4096) {
          bytes = new byte[512];
        }
      }
      int n = Math.min(count, HttpServer.MAX_HEAD_BYTES - length);
      if (complete || n <= 0) {
        return;
      }
      if (length + n > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.min(Math.max(bytes.length * 2, length + n),
            HttpServer.MAX_HEAD_BYTES));
      }
      buffer.get(from, bytes, length, n);
      for (int i = Math.max(length - 3, 0); i + 3 < length + n && !complete; i++) {
        complete = bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n';
      }
      length += n;
    }

    /** Whether this write is the first of an answer. */
    synchronized boolean answerStarts() {
      boolean first = !answered;
      answered = true;
      return first;
    }

    synchronized String text() {
      return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
  }

  private static final class Recording extends AbstractStreamSourceConduit<StreamSourceConduit> {
    private final Head head;

    Recording(StreamSourceConduit next, Head head) {
      super(next);
      this.head = head;
    }

    // Heads are read into one buffer at a time (HttpReadListener); bodies may use other reads.
    @Override
    public int read(ByteBuffer dst) throws IOException {
      int from = dst.position();
      int n = next.read(dst);
      if (n > 0) {
        head.read(dst, from, n);
      }
      return n;
    }
  }

  private static final class Answering extends AbstractStreamSinkConduit<StreamSinkConduit> {
    private final Head head;
    /** Our envelope, written instead of Undertow's refusal; null while nothing is replaced. */
    private ByteBuffer replacement;

    Answering(StreamSinkConduit next, Head head) {
      super(next);
      this.head = head;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return replacing(src) ? (int) replace(new ByteBuffer[] {src}, 0, 1) : next.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offs, int len) throws IOException {
      return replacing(firstWithData(srcs, offs, len)) ? replace(srcs, offs, len) : next.write(srcs, offs, len);
    }

    /** Whether this write is (part of) Undertow's refusal, which goes out as our envelope. */
    private boolean replacing(ByteBuffer first) {
      if (replacement == null && first != null && first.hasRemaining() && head.answerStarts()
          && isBareRefusal(first)) {
        replacement = ByteBuffer.wrap(envelope(first));
      }
      return replacement != null;
    }

    private long replace(ByteBuffer[] srcs, int offs, int len) throws IOException {
      // Our bytes first; the refusal's count as written only once they are out, so that the
      // caller waits for the channel as it would for its own.
      while (replacement.hasRemaining()) {
        if (next.write(replacement) == 0) {
          return 0;
        }
      }
      long skipped = 0;
      for (int i = offs; i < offs + len; i++) {
        skipped += srcs[i].remaining();
        srcs[i].position(srcs[i].limit());
      }
      return skipped;
    }

    @Override
    public int writeFinal(ByteBuffer src) throws IOException {
      return Conduits.writeFinalBasic(this, src);
    }

    @Override
    public long writeFinal(ByteBuffer[] srcs, int offs, int len) throws IOException {
      return Conduits.writeFinalBasic(this, srcs, offs, len);
    }

    private static ByteBuffer firstWithData(ByteBuffer[] srcs, int offs, int len) {
      for (int i = offs; i < offs + len; i++) {
        if (srcs[i].hasRemaining()) {
          return srcs[i];
        }
      }
      return null;
    }

    /** A 400 with no body that closes the connection: what Undertow answers itself; ours never look so. */
    private static boolean isBareRefusal(ByteBuffer answer) {
      int p = answer.position();
      if (answer.remaining() < STATUS_400.length) {
        return false;
      }
      for (int i = 0; i < STATUS_400.length; i++) {
        if (answer.get(p + i) != STATUS_400[i]) {
          return false;
        }
      }
      String headers = headOf(answer).toLowerCase(Locale.ROOT);
      return headers.contains("\r\ncontent-length: 0\r\n") && headers.contains("\r\nconnection: close\r\n");
    }

    private static String headOf(ByteBuffer answer) {
      byte[] bytes = new byte[Math.min(answer.remaining(), 1024)];
      answer.get(answer.position(), bytes);
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? "" : text.substring(0, end + 2);
    }

    private byte[] envelope(ByteBuffer refusal) {
      String headers = headOf(refusal);
      String reason = headers.substring(STATUS_400.length, headers.indexOf("\r\n"));
      String message = reason.equals("Bad Request") ? explain(head.text())
          : "the Host header is missing, repeated or malformed (" + reason + "): an HTTP/1.1 request needs exactly"
              + " one, host[:port]";
      byte[] json;
      try {
        json = Json.MAPPER.writeValueAsBytes(Envelope.Error.of(ApiException.badRequest(message)));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      byte[] ours = ("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: " + json.length
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
      return ByteBuffer.allocate(ours.length + json.length).put(ours).put(json).array();
    }
  }
}
