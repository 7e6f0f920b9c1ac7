package com.shopverse.loadgen.sim;

import java.time.Duration;

/**
 * Traffic over one compressed day, as a multiplier of the mean rate (its mean over a day is 1): an
 * online shop's usual shape, lowest around 04:00 (x0.2), a midday plateau (x1.2) and the peak at
 * 20:00-21:00 (x2.03). The simulator starts at 00:00 of day one. Hourly weights, linearly
 * interpolated.
 */
final class DailyCurve {

  /** Relative traffic at each full hour 00:00 ... 23:00 (before normalising to mean 1). */
  private static final double[] HOURLY = {
    0.45, 0.32, 0.24, 0.2, 0.18, 0.22, 0.35, 0.55, 0.8, 0.95, 1.05, 1.1, //
    1.15, 1.1, 1.05, 1.05, 1.1, 1.2, 1.4, 1.65, 1.85, 1.8, 1.35, 0.8
  };

  /** The share of the day's maximum above which a day's peak is reported in the ground truth. */
  static final double PEAK_SHARE = 0.85;

  private static final double MEAN;

  static {
    // The mean of the piecewise-linear curve is the mean of its hourly points (periodic
    // trapezoids).
    double sum = 0;
    for (double w : HOURLY) {
      sum += w;
    }
    MEAN = sum / HOURLY.length;
  }

  private final long dayNanos;

  DailyCurve(Duration day) {
    this.dayNanos = day.toNanos();
  }

  /** The multiplier {@code offsetNanos} after the start (mean 1 over a day). */
  double at(long offsetNanos) {
    double hours = 24.0 * Math.floorMod(offsetNanos, dayNanos) / dayNanos;
    int h = (int) hours;
    double frac = hours - h;
    return (HOURLY[h] * (1 - frac) + HOURLY[(h + 1) % 24] * frac) / MEAN;
  }

  static double max() {
    double max = 0;
    for (double w : HOURLY) {
      max = Math.max(max, w);
    }
    return max / MEAN;
  }

  /**
   * Where the day's peak lies, as offsets into the day: the interval in which the curve is at least
   * {@link #PEAK_SHARE} of its maximum. {@code [from, to)} nanoseconds.
   */
  long[] peakWithinDay() {
    double threshold = PEAK_SHARE * max();
    int steps = 24 * 60;
    long from = -1;
    long to = -1;
    for (int i = 0; i < steps; i++) {
      long t = dayNanos * i / steps;
      if (at(t) >= threshold) {
        if (from < 0) {
          from = t;
        }
        to = dayNanos * (i + 1) / steps;
      }
    }
    return new long[] {from, to};
  }

  long dayNanos() {
    return dayNanos;
  }

  /** The time of day (HH:mm) {@code offsetNanos} after the start. */
  String clock(long offsetNanos) {
    long minutes = 24 * 60 * Math.floorMod(offsetNanos, dayNanos) / dayNanos;
    return String.format("%02d:%02d", minutes / 60, minutes % 60);
  }
}
