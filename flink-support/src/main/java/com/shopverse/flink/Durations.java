package com.shopverse.flink;

import java.time.Duration;
import java.util.Locale;

/** Durations as the ops job's settings and tools take them. */
public final class Durations {

  private Durations() {}

  /** {@code PT5S}, or a number with a unit: {@code 500ms}, {@code 5s}, {@code 1m}, {@code 24h}. */
  public static Duration parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("pt") || t.startsWith("p")) {
      return Duration.parse(text.strip());
    }
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      case 'd' -> Duration.ofDays(n);
      default -> throw new IllegalArgumentException("Not a duration: " + text);
    };
  }
}
