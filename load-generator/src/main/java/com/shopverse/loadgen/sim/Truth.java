package com.shopverse.loadgen.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The ground truth the detector is scored against (docs/simulator.md, the contract): one JSON line
 * per scenario and per compressed day's peak, written and flushed when it ends, so a reader can
 * follow the file during a run.
 */
final class Truth implements AutoCloseable {

  /** One line of the file. */
  record Line(
      String scenario,
      Instant startedAt,
      Instant endedAt,
      List<String> series,
      String key,
      String detail,
      Map<String, List<String>> keys) {

    Line {
      keys = keys == null ? Map.of() : Map.copyOf(keys);
    }

    /** A line whose key, if any, is the key of its first series only. */
    Line(
        String scenario,
        Instant startedAt,
        Instant endedAt,
        List<String> series,
        String key,
        String detail) {
      this(scenario, startedAt, endedAt, series, key, detail, Map.of());
    }

    String json() {
      return "{\"scenario\":"
          + quote(scenario)
          + ",\"startedAt\":"
          + quote(INSTANT.format(startedAt))
          + ",\"endedAt\":"
          + quote(INSTANT.format(endedAt))
          + ",\"series\":["
          + series.stream().map(Truth::quote).collect(Collectors.joining(","))
          + "],\"key\":"
          + quote(key)
          + ",\"detail\":"
          + quote(detail)
          + keysJson()
          + "}";
    }

    /** {@code ,"keys":{"series":["key",…],…}}, sorted by series; nothing when there are none. */
    private String keysJson() {
      if (keys.isEmpty()) {
        return "";
      }
      return ",\"keys\":{"
          + new java.util.TreeMap<>(keys)
              .entrySet().stream()
                  .map(
                      e ->
                          quote(e.getKey())
                              + ":["
                              + e.getValue().stream()
                                  .map(Truth::quote)
                                  .collect(Collectors.joining(","))
                              + "]")
                  .collect(Collectors.joining(","))
          + "}";
    }
  }

  static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final BufferedWriter out;
  private final List<Line> written = new ArrayList<>();

  /** {@code file} null: lines are kept for the report only. */
  Truth(Path file) {
    try {
      if (file != null && file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      this.out =
          file == null
              ? null
              : Files.newBufferedWriter(
                  file,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the truth file " + file, e);
    }
  }

  synchronized void write(Line line) {
    written.add(line);
    if (out == null) {
      return;
    }
    try {
      out.write(line.json());
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized List<Line> lines() {
    return List.copyOf(written);
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
