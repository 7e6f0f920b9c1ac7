package com.shopverse.ops.model;

import java.util.Random;

/** Synthetic traffic: a daily curve with noise, optionally a trend, a spike or a step. */
final class Series {

  static final int SEASON = 60;

  private Series() {}

  /** A daily curve between about 50 and 150 per bucket, plus Gaussian noise of sd 5. */
  static double[] seasonal(int buckets, long seed) {
    return seasonal(buckets, seed, 0);
  }

  /** As {@link #seasonal(int, long)}, rising by {@code trendPerBucket} each bucket. */
  static double[] seasonal(int buckets, long seed, double trendPerBucket) {
    Random random = new Random(seed);
    double[] values = new double[buckets];
    for (int t = 0; t < buckets; t++) {
      double day = 100 + 50 * Math.sin(2 * Math.PI * t / SEASON);
      values[t] = Math.max(0, day + trendPerBucket * t + 5 * random.nextGaussian());
    }
    return values;
  }
}
