package com.shopverse.ops.model;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How the forecaster and detectors behave.
 *
 * @param seasonLength buckets per (compressed) day: the Holt-Winters season
 * @param alpha level smoothing, 0..1
 * @param beta trend smoothing, 0..1
 * @param gamma seasonal smoothing, 0..1
 * @param warmupBuckets buckets seen before a series is scored (at least one season, which
 *     initialises the seasonal profile)
 * @param residualWindow how many recent residuals the robust z-score is computed over
 * @param threshold |robust z| above which a bucket is an anomaly
 * @param minScale floor of the residual spread, so a near-constant series does not alarm on ±1
 * @param horizons forecast horizons, in buckets ahead
 * @param peerThreshold robust z (of log counts, against the other keys in the bucket) for a key
 * @param peerMinCount a key needs at least this many events in the bucket to be flagged
 * @param peerSelfFactor a key must also exceed this multiple of its own usual count (or of the
 *     peers' median for a key never seen before): the head of a Zipf catalogue is far above its
 *     peers every bucket and is not a bot
 * @param peerBaselineAlpha smoothing of a key's own usual count
 */
public record ModelSettings(
    int seasonLength,
    double alpha,
    double beta,
    double gamma,
    int warmupBuckets,
    int residualWindow,
    double threshold,
    double minScale,
    int[] horizons,
    double peerThreshold,
    int peerMinCount,
    double peerSelfFactor,
    double peerBaselineAlpha)
    implements Serializable {

  public ModelSettings {
    if (seasonLength < 2) {
      throw new IllegalArgumentException("seasonLength must be at least 2, was " + seasonLength);
    }
    if (warmupBuckets < seasonLength) {
      throw new IllegalArgumentException(
          "warmupBuckets (" + warmupBuckets + ") must cover one season (" + seasonLength + ")");
    }
    if (residualWindow < 5) {
      throw new IllegalArgumentException("residualWindow must be at least 5");
    }
    horizons = horizons.clone();
  }

  /** Defaults for a season of {@code seasonLength} buckets: warm-up of two seasons. */
  public static ModelSettings defaults(int seasonLength) {
    return new ModelSettings(
        seasonLength,
        0.2,
        0.01,
        0.3,
        2 * seasonLength,
        60,
        5.0,
        1.0,
        new int[] {5},
        4.0,
        20,
        4.0,
        0.1);
  }

  public ModelSettings withHorizons(int... values) {
    return new ModelSettings(
        seasonLength,
        alpha,
        beta,
        gamma,
        warmupBuckets,
        residualWindow,
        threshold,
        minScale,
        values,
        peerThreshold,
        peerMinCount,
        peerSelfFactor,
        peerBaselineAlpha);
  }

  @Override
  public int[] horizons() {
    return horizons.clone();
  }

  @Override
  public String toString() {
    return "ModelSettings[season="
        + seasonLength
        + ", alpha="
        + alpha
        + ", beta="
        + beta
        + ", gamma="
        + gamma
        + ", warmup="
        + warmupBuckets
        + ", window="
        + residualWindow
        + ", threshold="
        + threshold
        + ", minScale="
        + minScale
        + ", horizons="
        + Arrays.toString(horizons)
        + ", peer="
        + peerThreshold
        + "/"
        + peerMinCount
        + "/"
        + peerSelfFactor
        + "/"
        + peerBaselineAlpha
        + "]";
  }
}
