package com.shopverse.ops.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the keys of a high-cardinality series (views per product, events per shopper) that are far
 * above their peers in one bucket: the robust z-score of log(1 + count) against the bucket's keys,
 * gated by the key's own usual count. Log counts, because per-key counts are skewed (Zipf-like
 * popularity) and a raw spread would be dominated by the head; the own-count gate, because the head
 * is far above its peers every bucket and is popular, not a bot.
 */
public final class PeerDetector {

  /** Below this spread (in log counts) the peers are treated as this spread apart. */
  static final double MIN_LOG_SCALE = 0.5;

  /**
   * Buckets of a series before its keys are judged: in the first ones every key is new and the
   * popular head would read as bots.
   */
  public static final int WARMUP_BUCKETS = 3;

  private final ModelSettings settings;

  public PeerDetector(ModelSettings settings) {
    this.settings = settings;
  }

  /**
   * One key's count in the bucket and its usual count before it (NaN for a key not seen before).
   */
  public record KeyCount(String key, long count, double baseline) {}

  /** A key flagged in a bucket: what it was expected to do, what it did, and by how much. */
  public record Flag(String key, double expected, long actual, double score) {}

  /**
   * The flagged keys of one bucket.
   *
   * @param bucketsBefore how many buckets of this series came before this one
   */
  public List<Flag> detect(List<KeyCount> bucket, long bucketsBefore) {
    int n = bucket.size();
    if (n < 3 || bucketsBefore < WARMUP_BUCKETS) {
      return List.of();
    }
    double[] logs = new double[n];
    double[] counts = new double[n];
    for (int i = 0; i < n; i++) {
      logs[i] = Math.log1p(bucket.get(i).count());
      counts[i] = bucket.get(i).count();
    }
    double centre = Robust.median(logs, n);
    double scale = Math.max(Robust.MAD_TO_SIGMA * Robust.mad(logs, n, centre), MIN_LOG_SCALE);
    double peerMedian = Robust.median(counts, n);
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      KeyCount k = bucket.get(i);
      double score = (logs[i] - centre) / scale;
      double usual = Double.isNaN(k.baseline()) ? peerMedian : k.baseline();
      if (score > settings.peerThreshold()
          && k.count() >= settings.peerMinCount()
          && k.count() >= settings.peerSelfFactor() * Math.max(usual, 1.0)) {
        flags.add(new Flag(k.key(), usual, k.count(), score));
      }
    }
    return flags;
  }

  /**
   * The key's usual count after this bucket: smoothed, and unchanged by a flagged bucket, so a bot
   * that keeps going stays flagged instead of becoming its own baseline.
   */
  public double nextBaseline(double baseline, long count, boolean flagged) {
    if (flagged) {
      return baseline;
    }
    if (Double.isNaN(baseline)) {
      return count;
    }
    return settings.peerBaselineAlpha() * count + (1 - settings.peerBaselineAlpha()) * baseline;
  }
}
