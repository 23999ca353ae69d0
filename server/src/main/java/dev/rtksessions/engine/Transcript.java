package dev.rtksessions.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript read from an uploaded file: who said what, and when if the file says. The
 * accepted forms (recognised by their content, not by a declared format):
 * <ul>
 *   <li><b>WebVTT and SRT</b>: cues with {@code 00:00:05.000 --> 00:00:09.000} (or {@code ,000});
 *       the speaker from a voice tag {@code <v Alice>} or a {@code Alice:} prefix;</li>
 *   <li><b>CSV</b> with a header row: the text from a column named transcript, text, content,
 *       utterance, message or sentence; the speaker from speaker, name, display name, user
 *       display name, participant name, user name or participant; the times from start time,
 *       start, started at, timestamp, time or created at, and end time, end or ended at;</li>
 *   <li><b>JSON</b>: an array of objects with fields named as the CSV columns, or an object
 *       holding such an array under transcript, transcripts, segments, utterances, results,
 *       lines or data;</li>
 *   <li><b>plain text</b>: one utterance a line, {@code Alice: text}, optionally led by a time
 *       ({@code [00:01:05] Alice: text} or {@code 00:01:05 Alice: text}); a line without a
 *       speaker continues the one before.</li>
 * </ul>
 * Times are absolute (ISO timestamps, epoch seconds or milliseconds) or offsets from the start
 * of the recording ({@code hh:mm:ss[.mmm]}, {@code mm:ss}, or seconds as a number).
 *
 * @param absoluteTimes true when the times are instants (epoch milliseconds), false when they
 *     are offsets from the start of the recording
 */
record Transcript(List<Line> lines, boolean absoluteTimes) {
  /** One utterance; {@code speaker}, {@code startMs} and {@code endMs} may be unknown (null). */
  record Line(String speaker, Long startMs, Long endMs, String text) {}

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final Pattern CLOCK = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,9}))?");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SPEAKER_PREFIX = Pattern.compile("([^:\\d\\s][^:]{0,59}):\\s+(.+)");
  private static final Pattern LEADING_TIME =
      Pattern.compile("\\[?((?:\\d{1,3}:)?\\d{1,2}:\\d{2}(?:[.,]\\d{1,9})?)\\]?\\s*[-\u2013]?\\s*(.*)");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
  // Numbers this large are instants, not offsets: epoch milliseconds, then epoch seconds.
  private static final double EPOCH_MILLIS_FROM = 1e11;
  private static final double EPOCH_SECONDS_FROM = 1e9;

  private static final List<String> TEXT_FIELDS =
      List.of("transcript", "text", "content", "utterance", "message", "sentence");
  private static final List<String> SPEAKER_FIELDS = List.of("speaker", "speakername", "name", "displayname",
      "userdisplayname", "participantname", "username", "participant");
  private static final List<String> START_FIELDS =
      List.of("starttime", "start", "startedat", "starttimestamp", "timestamp", "time", "createdat");
  private static final List<String> END_FIELDS = List.of("endtime", "end", "endedat", "endtimestamp");
  private static final Set<String> JSON_CONTAINERS =
      Set.of("transcript", "transcripts", "segments", "utterances", "results", "lines", "data");

  /**
   * Reads a transcript in any of the accepted forms.
   *
   * @throws UnreadableTranscriptException when it holds no utterance in any of them
   */
  static Transcript parse(String raw) {
    String text = raw.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      throw new UnreadableTranscriptException("the transcript is empty");
    }
    Builder b = new Builder();
    if ((trimmed.startsWith("[") || trimmed.startsWith("{")) && readJson(trimmed, b)) {
      return b.build("JSON");
    }
    if (trimmed.contains("-->")) {
      readCues(trimmed, b);
      return b.build("WebVTT/SRT");
    }
    List<List<String>> rows = csvRows(trimmed);
    if (rows.size() > 1 && column(rows.get(0), TEXT_FIELDS) >= 0) {
      readCsv(rows, b);
      return b.build("CSV");
    }
    readPlain(trimmed, b);
    return b.build("plain text");
  }

  // ---- the forms --------------------------------------------------------------------------

  /** Returns false when the text is not JSON (plain text may start with "[00:01]"). */
  private static boolean readJson(String text, Builder b) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return false;
    }
    JsonNode items = root;
    if (root.isObject()) {
      items = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (JSON_CONTAINERS.contains(normalize(field.getKey())) && field.getValue().isArray()) {
          items = field.getValue();
          break;
        }
      }
      if (items == null) {
        throw new UnreadableTranscriptException("the JSON transcript holds no array of utterances (expected one under "
            + String.join(", ", JSON_CONTAINERS.stream().sorted().toList()) + ")");
      }
    }
    if (!items.isArray()) {
      return false;
    }
    for (JsonNode item : items) {
      if (!item.isObject()) {
        continue;
      }
      String text1 = null;
      String speaker = null;
      String start = null;
      String end = null;
      for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String key = normalize(field.getKey());
        JsonNode v = field.getValue();
        if (!v.isValueNode() || v.isNull()) {
          continue;
        }
        text1 = pick(text1, key, TEXT_FIELDS, v.asText());
        speaker = pick(speaker, key, SPEAKER_FIELDS, v.asText());
        start = pick(start, key, START_FIELDS, v.asText());
        end = pick(end, key, END_FIELDS, v.asText());
      }
      b.add(speaker, start == null ? null : b.time(start), end == null ? null : b.time(end), text1);
    }
    return true;
  }

  /** Keeps the first value found under one of {@code names}. */
  private static String pick(String current, String key, List<String> names, String value) {
    return names.contains(key) && current == null ? value : current;
  }

  private static void readCues(String text, Builder b) {
    for (String block : text.split("\n\\s*\n")) {
      String[] lines = block.split("\n");
      int timing = -1;
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains("-->")) {
          timing = i;
          break;
        }
      }
      if (timing < 0) {
        continue; // the WEBVTT header, NOTE and STYLE blocks
      }
      String[] ends = lines[timing].split("-->", 2);
      Long start = b.time(ends[0].strip());
      // Cue settings may follow the end time: "00:00:09.000 align:start".
      String endText = ends[1].strip().split("\\s+")[0];
      Long end = b.time(endText);
      StringBuilder cue = new StringBuilder();
      for (int i = timing + 1; i < lines.length; i++) {
        cue.append(cue.length() == 0 ? "" : " ").append(lines[i].strip());
      }
      String body = cue.toString();
      String speaker = null;
      Matcher voice = VOICE.matcher(body);
      if (voice.find()) {
        speaker = voice.group(1).strip();
      }
      body = TAG.matcher(body).replaceAll("").strip();
      if (speaker == null) {
        Matcher prefix = SPEAKER_PREFIX.matcher(body);
        if (prefix.matches() && hasLetter(prefix.group(1))) {
          speaker = prefix.group(1).strip();
          body = prefix.group(2);
        }
      }
      b.add(speaker, start, end, body);
    }
  }

  private static void readCsv(List<List<String>> rows, Builder b) {
    List<String> header = rows.get(0);
    int text = column(header, TEXT_FIELDS);
    int speaker = column(header, SPEAKER_FIELDS);
    int start = column(header, START_FIELDS);
    int end = column(header, END_FIELDS);
    for (List<String> row : rows.subList(1, rows.size())) {
      b.add(cell(row, speaker), b.time(cell(row, start)), b.time(cell(row, end)), cell(row, text));
    }
  }

  private static void readPlain(String text, Builder b) {
    for (String rawLine : text.split("\n")) {
      String line = rawLine.strip();
      if (line.isEmpty()) {
        continue;
      }
      Long at = null;
      Matcher time = LEADING_TIME.matcher(line);
      if (time.matches()) {
        at = b.time(time.group(1));
        line = time.group(2);
      }
      Matcher prefix = SPEAKER_PREFIX.matcher(line);
      if (prefix.matches() && hasLetter(prefix.group(1))) {
        b.add(prefix.group(1).strip(), at, null, prefix.group(2));
      } else if (at == null && b.hasLines()) {
        b.continueLast(line);
      } else {
        b.add(null, at, null, line);
      }
    }
  }

  // ---- CSV ----------------------------------------------------------------------------------

  /** RFC 4180 rows: comma-separated, double-quoted fields may hold commas, quotes ("") and newlines. */
  static List<List<String>> csvRows(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (ch == '\n') {
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        field.append(ch);
      }
    }
    row.add(field.toString());
    rows.add(row);
    rows.removeIf(r -> r.size() == 1 && r.get(0).isBlank());
    return rows;
  }

  /** The index of the first header cell that names one of {@code names} (in preference order); -1 if none. */
  private static int column(List<String> header, List<String> names) {
    for (String name : names) {
      for (int i = 0; i < header.size(); i++) {
        if (normalize(header.get(i)).equals(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String cell(List<String> row, int index) {
    return index >= 0 && index < row.size() ? row.get(index) : null;
  }

  /** "Start Time", "start_time" and "startTime" all become "starttime". */
  private static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static boolean hasLetter(String s) {
    return s.codePoints().anyMatch(Character::isLetter);
  }

  // ---- building -----------------------------------------------------------------------------

  /** Collects lines and notices whether the times read so far are instants or offsets. */
  private static final class Builder {
    private final List<Line> lines = new ArrayList<>();
    private boolean absolute;

    void add(String speaker, Long start, Long end, String text) {
      if (text == null || text.isBlank()) {
        return;
      }
      String who = speaker == null || speaker.isBlank() ? null : speaker.strip();
      lines.add(new Line(who, start, end, text.strip()));
    }

    boolean hasLines() {
      return !lines.isEmpty();
    }

    void continueLast(String text) {
      Line last = lines.remove(lines.size() - 1);
      lines.add(new Line(last.speaker(), last.startMs(), last.endMs(), last.text() + " " + text));
    }

    /** A time in milliseconds (an instant or an offset), or null when the value is none. */
    Long time(String value) {
      if (value == null || value.isBlank()) {
        return null;
      }
      String v = value.strip();
      Matcher clock = CLOCK.matcher(v);
      if (clock.matches()) {
        long hours = clock.group(1) == null ? 0 : Long.parseLong(clock.group(1));
        long millis = ((hours * 60 + Long.parseLong(clock.group(2))) * 60 + Long.parseLong(clock.group(3))) * 1000;
        if (clock.group(4) != null) {
          millis += Long.parseLong((clock.group(4) + "00").substring(0, 3));
        }
        return millis;
      }
      if (NUMBER.matcher(v).matches()) {
        double n = Double.parseDouble(v);
        if (n >= EPOCH_MILLIS_FROM) {
          absolute = true;
          return (long) n;
        }
        if (n >= EPOCH_SECONDS_FROM) {
          absolute = true;
          return Math.round(n * 1000);
        }
        return Math.round(n * 1000);
      }
      String iso = v.replaceFirst("^(\\d{4}-\\d{2}-\\d{2}) ", "$1T");
      try {
        long at = OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        absolute = true;
        return at;
      } catch (DateTimeParseException e) {
        // not with an offset; perhaps without one (read as UTC)
      }
      try {
        long at = LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        absolute = true;
        return at;
      } catch (DateTimeParseException e) {
        return null; // an unreadable time is an unknown time, not a reason to refuse the transcript
      }
    }

    Transcript build(String form) {
      if (lines.isEmpty()) {
        throw new UnreadableTranscriptException("the transcript (read as " + form + ") holds no utterance");
      }
      return new Transcript(List.copyOf(lines), absolute);
    }
  }
}
