package com.shopverse.loadgen;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written on the command line: {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 2m}.
 */
final class Durations {

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private Durations() {}

  static Duration parse(String option, String text) {
    Matcher matcher = DURATION.matcher(text.trim());
    if (!matcher.matches()) {
      String hint = text.trim().matches("\\d+(\\.\\d+)?") ? " has no unit" : " is not a duration";
      throw new UsageException(
          option
              + " '"
              + text
              + "'"
              + hint
              + ": write a number and a unit, e.g. 500ms, 30s, 2m, 1h");
    }
    long nanosPerUnit =
        switch (matcher.group(2)) {
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          default -> 3_600_000_000_000L;
        };
    BigDecimal nanos = new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(nanosPerUnit));
    if (nanos.compareTo(BigDecimal.valueOf(Duration.ofDays(1).toNanos())) > 0) {
      throw new UsageException(option + " '" + text + "' is longer than a day");
    }
    return Duration.ofNanos(nanos.longValue());
  }

  /** The shortest exact form: {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1500ms}. */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
