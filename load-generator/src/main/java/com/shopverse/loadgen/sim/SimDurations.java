package com.shopverse.loadgen.sim;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the contract writes them: {@code 500ms}, {@code 90s}, {@code 1.5m}, {@code 1h}. The
 * generator's own parser lives package-private in {@code com.shopverse.loadgen}; this one throws
 * the simulator's error type so a scenario file line can name itself.
 */
final class SimDurations {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private SimDurations() {}

  static Duration parse(String what, String text) {
    Matcher m = DURATION.matcher(text == null ? "" : text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          what + " '" + text + "' is not a duration: write a number and a unit, e.g. 90s, 5m");
    }
    double unit =
        switch (m.group(2)) {
          case "ms" -> 1e6;
          case "s" -> 1e9;
          case "m" -> 60e9;
          default -> 3600e9;
        };
    return Duration.ofNanos(Math.round(Double.parseDouble(m.group(1)) * unit));
  }

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms > 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
