package com.shopverse.loadgen.sim;

import java.util.Arrays;
import java.util.Random;

/** Ranks 0..n-1 drawn with probability proportional to {@code 1 / (rank + 1)^exponent}. */
final class Zipf {

  private final double[] cumulative;

  Zipf(int n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("Zipf over no items");
    }
    cumulative = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      total += 1 / Math.pow(i + 1, exponent);
      cumulative[i] = total;
    }
    for (int i = 0; i < n; i++) {
      cumulative[i] /= total;
    }
  }

  int next(Random random) {
    int at = Arrays.binarySearch(cumulative, random.nextDouble());
    return Math.min(cumulative.length - 1, at >= 0 ? at : -at - 1);
  }

  /** The probability of {@code rank}. */
  double probability(int rank) {
    return cumulative[rank] - (rank == 0 ? 0 : cumulative[rank - 1]);
  }
}
