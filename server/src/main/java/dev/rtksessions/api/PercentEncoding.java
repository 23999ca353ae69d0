package dev.rtksessions.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Strict decoding of the percent-encoded parts of a URL (RFC 3986) into UTF-8 text. The HTTP
 * server hands paths and queries over undecoded, so that whatever is malformed in them is a
 * 400 that says what, rather than an answer of the server's parser. The JDK's URLDecoder
 * replaces bytes that are not UTF-8 instead of refusing them, so it does not do here.
 */
public final class PercentEncoding {
  private PercentEncoding() {}

  /**
   * @param raw a path segment or a query name or value as it came: each character is one byte
   *     (the server reads the request line byte by byte, so bytes above 0x7F arrive as U+0080-U+00FF)
   * @param plusIsSpace true in a query, where {@code +} stands for a space
   * @return the text, which holds no control character
   * @throws IllegalArgumentException that says what is malformed
   */
  public static String decode(String raw, boolean plusIsSpace) {
    if (isPlain(raw, plusIsSpace)) {
      return raw; // the usual case: nothing to decode
    }
    byte[] bytes = new byte[raw.length()];
    int n = 0;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
        int low = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          throw new IllegalArgumentException(Params.quote(raw.substring(i, Math.min(i + 3, raw.length())))
              + " at character " + (i + 1) + " is not a percent-encoded byte: % must be followed by two hex"
              + " digits (a % itself is written %25)");
        }
        bytes[n++] = (byte) (high << 4 | low);
        i += 2;
      } else {
        bytes[n++] = (byte) (c == '+' && plusIsSpace ? ' ' : c);
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("its bytes are not UTF-8 text (percent-encode the UTF-8 bytes of each"
          + " character)");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "it holds the control character U+%04X, which no value may hold", (int) c));
      }
    }
    return text;
  }

  /** Printable ASCII without escapes (nor + in a query): the text is the value itself. */
  private static boolean isPlain(String raw, boolean plusIsSpace) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '%' || c == '+' && plusIsSpace) {
        return false;
      }
    }
    return true;
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
