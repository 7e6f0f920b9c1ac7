package com.shopverse.ops.model;

import java.util.Arrays;

/** Median and median absolute deviation: a spread that a few outliers do not move. */
final class Robust {

  /** Scales a MAD to the standard deviation of normally distributed data. */
  static final double MAD_TO_SIGMA = 1.4826;

  private Robust() {}

  static double median(double[] values, int count) {
    double[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int mid = count / 2;
    return count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static double mad(double[] values, int count, double median) {
    double[] deviations = new double[count];
    for (int i = 0; i < count; i++) {
      deviations[i] = Math.abs(values[i] - median);
    }
    return median(deviations, count);
  }
}
