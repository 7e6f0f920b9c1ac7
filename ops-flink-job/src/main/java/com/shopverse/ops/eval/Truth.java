package com.shopverse.ops.eval;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of the simulator's ground-truth file (see docs/ops-intelligence.md): a scenario it
 * injected, or a {@code daily-peak} of its compressed day. {@code keys}, when a line has it, names
 * for some of its series the only keys that are the scenario's (a flash sale's products on {@code
 * product.views}).
 */
public record Truth(
    String scenario,
    Instant startedAt,
    Instant endedAt,
    List<String> series,
    String key,
    String detail,
    Map<String, List<String>> keys) {

  public static final String DAILY_PEAK = "daily-peak";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public Truth {
    series = series == null ? List.of() : List.copyOf(series);
    key = key == null || key.isBlank() ? "*" : key;
    keys = keys == null ? Map.of() : Map.copyOf(keys);
  }

  /** A line without per-series keys. */
  public Truth(
      String scenario,
      Instant startedAt,
      Instant endedAt,
      List<String> series,
      String key,
      String detail) {
    this(scenario, startedAt, endedAt, series, key, detail, Map.of());
  }

  public boolean peak() {
    return DAILY_PEAK.equals(scenario);
  }

  /** Whether the detector is meant to see it: an injected scenario that moves a stream series. */
  public boolean detectable() {
    return !peak() && !series.isEmpty();
  }

  public static List<Truth> read(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> !line.isBlank())
          .map(Truth::parse)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Truth parse(String line) {
    try {
      return JSON.readValue(line, Truth.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a truth line: " + line, e);
    }
  }
}
