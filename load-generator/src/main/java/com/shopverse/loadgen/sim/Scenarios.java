package com.shopverse.loadgen.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scenario schedule: a JSON-lines file (one flat object per line, the contract's shape) or the
 * built-in {@code default}. A bad line is refused with its line number and what is wrong with it.
 */
final class Scenarios {

  private static final Map<String, Set<String>> FIELDS =
      Map.of(
          Scenario.FLASH_SALE, Set.of("factor", "category"),
          Scenario.BOT_VIEWS, Set.of("rate", "product"),
          Scenario.PASSWORD_BOT, Set.of("rate"),
          Scenario.ERROR_BURST, Set.of("rate"),
          Scenario.SLOW_DEPENDENCY, Set.of("part"));

  private Scenarios() {}

  /** {@code null}: none; {@code default}: {@link #defaults}; otherwise a file. */
  static List<Scenario> load(String spec, Duration day) {
    if (spec == null) {
      return List.of();
    }
    if (spec.equals("default")) {
      return defaults(day);
    }
    try {
      return parse(Files.readAllLines(Path.of(spec), StandardCharsets.UTF_8), spec);
    } catch (IOException e) {
      throw new IllegalArgumentException("--scenarios: cannot read " + spec + ": " + e);
    }
  }

  /**
   * After two compressed days (the detector's warm-up), one of each, none overlapping; for a 5m day
   * exactly the contract's example: flash-sale at 11m for 90s, bot-views 14m/60s, password-bot
   * 16m/60s, error-burst 18m/45s, slow-dependency 19m/30s.
   */
  static List<Scenario> defaults(Duration day) {
    long d = day.toNanos();
    return List.of(
        new Scenario(Scenario.FLASH_SALE, at(d, 2.2), at(d, 0.3), 5, "c-shoes", 0, null, null),
        new Scenario(Scenario.BOT_VIEWS, at(d, 2.8), at(d, 0.2), 0, null, 40, "P00042", null),
        new Scenario(Scenario.PASSWORD_BOT, at(d, 3.2), at(d, 0.2), 0, null, 5, null, null),
        new Scenario(Scenario.ERROR_BURST, at(d, 3.6), at(d, 0.15), 0, null, 30, null, null),
        new Scenario(
            Scenario.SLOW_DEPENDENCY, at(d, 3.8), at(d, 0.1), 0, null, 0, null, "clickhouse"));
  }

  private static Duration at(long dayNanos, double days) {
    // Whole milliseconds, so the schedule prints as it was meant.
    return Duration.ofMillis(Math.round(dayNanos * days / 1e6));
  }

  static List<Scenario> parse(List<String> lines, String source) {
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        scenarios.add(scenario(flatJson(line)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + (i + 1) + ": " + e.getMessage());
      }
    }
    scenarios.sort(Comparator.comparing(Scenario::at));
    return List.copyOf(scenarios);
  }

  private static Scenario scenario(Map<String, String> f) {
    String kind = f.get("scenario");
    if (kind == null) {
      throw new IllegalArgumentException("no \"scenario\" (one of " + Scenario.KINDS + ")");
    }
    Set<String> own = FIELDS.get(kind);
    if (own == null) {
      throw new IllegalArgumentException(
          "unknown scenario '" + kind + "' (one of " + Scenario.KINDS + ")");
    }
    for (String name : f.keySet()) {
      if (!Set.of("scenario", "at", "for").contains(name) && !own.contains(name)) {
        throw new IllegalArgumentException(
            "\"" + name + "\" does not apply to " + kind + " (it takes at, for, " + own + ")");
      }
    }
    for (String name : own) {
      if (!f.containsKey(name)) {
        throw new IllegalArgumentException(kind + " needs \"" + name + "\"");
      }
    }
    Duration at = SimDurations.parse("\"at\"", required(f, "at", kind));
    Duration length = SimDurations.parse("\"for\"", required(f, "for", kind));
    if (length.isZero()) {
      throw new IllegalArgumentException("\"for\" must be longer than zero");
    }
    double factor = own.contains("factor") ? positive(f, "factor", 1) : 0;
    double rate = own.contains("rate") ? positive(f, "rate", 0) : 0;
    String part = f.get("part");
    if (part != null && !Scenario.PAUSABLE.contains(part)) {
      throw new IllegalArgumentException(
          "part '" + part + "' cannot be paused (one of " + Scenario.PAUSABLE + ")");
    }
    return new Scenario(kind, at, length, factor, f.get("category"), rate, f.get("product"), part);
  }

  private static String required(Map<String, String> f, String name, String kind) {
    String v = f.get(name);
    if (v == null) {
      throw new IllegalArgumentException(kind + " needs \"" + name + "\"");
    }
    return v;
  }

  private static double positive(Map<String, String> f, String name, double above) {
    String v = f.get(name);
    try {
      double d = Double.parseDouble(v);
      if (d > above && d <= 100_000) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "\"" + name + "\" must be a number above " + number(above) + ", not '" + v + "'");
  }

  /** One flat JSON object of strings and numbers; anything else is refused. */
  static Map<String, String> flatJson(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    int[] at = {0};
    skip(line, at);
    expect(line, at, '{');
    skip(line, at);
    if (peek(line, at) == '}') {
      at[0]++;
    } else {
      while (true) {
        skip(line, at);
        String name = string(line, at);
        skip(line, at);
        expect(line, at, ':');
        skip(line, at);
        String value = peek(line, at) == '"' ? string(line, at) : number(line, at);
        if (fields.put(name, value) != null) {
          throw new IllegalArgumentException("\"" + name + "\" appears twice");
        }
        skip(line, at);
        char c = peek(line, at);
        at[0]++;
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw new IllegalArgumentException("not a flat JSON object: expected , or } at " + at[0]);
        }
      }
    }
    skip(line, at);
    if (at[0] != line.length()) {
      throw new IllegalArgumentException("text after the JSON object");
    }
    return fields;
  }

  private static void skip(String s, int[] at) {
    while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
      at[0]++;
    }
  }

  private static char peek(String s, int[] at) {
    if (at[0] >= s.length()) {
      throw new IllegalArgumentException("not a flat JSON object: it ends early");
    }
    return s.charAt(at[0]);
  }

  private static void expect(String s, int[] at, char c) {
    if (peek(s, at) != c) {
      throw new IllegalArgumentException(
          "not a flat JSON object: expected '" + c + "' at " + (at[0] + 1));
    }
    at[0]++;
  }

  private static String string(String s, int[] at) {
    expect(s, at, '"');
    StringBuilder out = new StringBuilder();
    while (peek(s, at) != '"') {
      char c = s.charAt(at[0]++);
      if (c == '\\') {
        c = peek(s, at);
        at[0]++;
      }
      out.append(c);
    }
    at[0]++;
    return out.toString();
  }

  private static String number(String s, int[] at) {
    int from = at[0];
    while (at[0] < s.length() && "+-.0123456789eE".indexOf(s.charAt(at[0])) >= 0) {
      at[0]++;
    }
    if (from == at[0]) {
      throw new IllegalArgumentException(
          "not a flat JSON object: values are strings or numbers (at " + (from + 1) + ")");
    }
    return s.substring(from, at[0]);
  }

  static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
  }
}
