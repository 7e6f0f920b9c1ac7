package com.shopverse.ops.model;

/**
 * What the forecaster made of one bucket.
 *
 * @param expected the one-step forecast the bucket was compared with; NaN while initialising
 * @param actual the bucket's value
 * @param score the robust z-score of the residual; NaN while warming up
 * @param anomalous whether |score| exceeded the threshold
 * @param forecasts the forecast for each configured horizon after this bucket, same order
 */
public record Verdict(
    double expected, double actual, double score, boolean anomalous, double[] forecasts) {

  public Direction direction() {
    return actual >= expected ? Direction.UP : Direction.DOWN;
  }

  public boolean scored() {
    return !Double.isNaN(score);
  }

  /** Which way a bucket left its forecast. */
  public enum Direction {
    UP,
    DOWN;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
