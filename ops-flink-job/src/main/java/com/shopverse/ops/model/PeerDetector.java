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
   * The flagged keys of one bucket of a failure series (failed logins per client), where no
   * failures is every key's usual count: most buckets hold a few keys or none, so the peer test of
   * {@link #detect} would rarely have peers and its warm-up would hide a first attack. A key is
   * flagged when it has at least {@code peerMinCount} failures, at least {@code peerSelfFactor}
   * times its own usual count (a new key's usual count is 0), and — only when the bucket has peers
   * to compare with — a robust z above {@code peerThreshold}. The score is that z, or for a key
   * without peers its count over the minimum.
   */
  public List<Flag> detectFailures(List<KeyCount> bucket) {
    int n = bucket.size();
    double[] logs = new double[n];
    for (int i = 0; i < n; i++) {
      logs[i] = Math.log1p(bucket.get(i).count());
    }
    double centre = n >= 3 ? Robust.median(logs, n) : 0;
    double scale =
        n >= 3 ? Math.max(Robust.MAD_TO_SIGMA * Robust.mad(logs, n, centre), MIN_LOG_SCALE) : 1;
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      KeyCount k = bucket.get(i);
      double usual = Double.isNaN(k.baseline()) ? 0 : k.baseline();
      double score =
          n >= 3 ? (logs[i] - centre) / scale : (double) k.count() / settings.peerMinCount();
      if (k.count() >= settings.peerMinCount()
          && k.count() >= settings.peerSelfFactor() * Math.max(usual, 1.0)
          && (n < 3 || score > settings.peerThreshold())) {
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

  /**
   * A failure-series key's usual count after this bucket: as {@link #nextBaseline}, but a new key
   * starts from 0, the usual number of failures, instead of from its first count. Otherwise a
   * guessing run's first, partial bucket (9 failures in the 2026-12-02 benchmark, its run having
   * started late in the bucket) became its usual count, and the 25 a bucket after it were not four
   * times that: the run was never flagged.
   */
  public double nextFailureBaseline(double baseline, long count, boolean flagged) {
    return nextBaseline(Double.isNaN(baseline) ? 0 : baseline, count, flagged);
  }
}
