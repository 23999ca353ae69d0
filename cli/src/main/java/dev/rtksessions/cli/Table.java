package dev.rtksessions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows printed as an aligned table, CSV, or the raw JSON the API answered. Columns are
 * chosen per command; JSON keeps every field.
 */
final class Table {
  enum Format { TABLE, JSON, CSV }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();
  private final ArrayNode raw = JSON.createArrayNode();

  Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row and the JSON object it came from. */
  void add(JsonNode source, String... cells) {
    List<String> row = new ArrayList<>();
    for (String c : cells) {
      row.add(c == null ? "" : c);
    }
    rows.add(row);
    raw.add(source);
  }

  int size() {
    return rows.size();
  }

  void print(PrintWriter out, Format format) {
    switch (format) {
      case JSON -> out.println(raw.toPrettyString());
      case CSV -> {
        out.println(csvLine(headers));
        rows.forEach(r -> out.println(csvLine(r)));
      }
      case TABLE -> printAligned(out);
    }
    out.flush();
  }

  private void printAligned(PrintWriter out) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> r : rows) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    out.println(line(headers, widths));
    rows.forEach(r -> out.println(line(r, widths)));
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append("  ");
      }
      sb.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s", cells.get(i)));
    }
    return sb.toString();
  }

  private static String csvLine(List<String> cells) {
    List<String> quoted = new ArrayList<>();
    for (String c : cells) {
      boolean needs = c.contains(",") || c.contains("\"") || c.contains("\n");
      quoted.add(needs ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
    }
    return String.join(",", quoted);
  }
}
