package com.shopverse.ops.model;

/**
 * An additive Holt-Winters forecaster (level, trend, seasonal offset per bucket of the day) and a
 * detector on its one-step residuals: a bucket is anomalous when its residual is more than {@code
 * threshold} robust standard deviations (median/MAD of the recent residuals) from the median.
 *
 * <p>The first season only records values: its mean is the initial level and each bucket's
 * deviation the initial seasonal offset. Scoring starts after {@code warmupBuckets}. An anomalous
 * bucket updates the model with its value clipped to the threshold, so a spike does not drag the
 * level up (and then read as a drop when it ends), while a lasting step is still learnt, slower.
 *
 * <p>The caller feeds consecutive buckets: {@link #update} fills a gap with zeros (an aggregate
 * series with no events in a bucket had zero of them), up to one season.
 */
public final class SeasonalDetector {

  private final ModelSettings settings;

  public SeasonalDetector(ModelSettings settings) {
    this.settings = settings;
  }

  public SeriesState newState() {
    return SeriesState.fresh(settings);
  }

  /** Feeds bucket {@code bucket} (an index: start time / bucket size) with its value. */
  public Verdict update(SeriesState s, long bucket, double actual) {
    if (s.lastBucket != Long.MIN_VALUE) {
      if (bucket <= s.lastBucket) {
        throw new IllegalArgumentException(
            "bucket " + bucket + " is not after the last one fed, " + s.lastBucket);
      }
      long gap = Math.min(bucket - s.lastBucket - 1, settings.seasonLength());
      for (long b = bucket - gap; b < bucket; b++) {
        step(s, b, 0);
      }
    }
    return step(s, bucket, actual);
  }

  /** The forecast {@code h} buckets after the last one fed. */
  public double forecast(SeriesState s, int h) {
    int m = settings.seasonLength();
    if (s.seen < m) {
      return Double.NaN;
    }
    return s.level + h * s.trend + s.season[Math.floorMod(s.lastBucket + h, m)];
  }

  private Verdict step(SeriesState s, long bucket, double actual) {
    int m = settings.seasonLength();
    int slot = Math.floorMod(bucket, m);
    s.lastBucket = bucket;
    if (s.seen < m) {
      s.season[slot] = actual;
      s.seen++;
      if (s.seen == m) {
        initialise(s);
      }
      return new Verdict(Double.NaN, actual, Double.NaN, false, forecasts(s));
    }
    double expected = s.level + s.trend + s.season[slot];
    double residual = actual - expected;
    double score = Double.NaN;
    double centre = 0;
    double scale = settings.minScale();
    boolean anomalous = false;
    int window = Math.min(s.residualCount, settings.residualWindow());
    if (s.seen >= settings.warmupBuckets() && window >= 5) {
      centre = Robust.median(s.residuals, window);
      scale =
          Math.max(
              Robust.MAD_TO_SIGMA * Robust.mad(s.residuals, window, centre), settings.minScale());
      score = (residual - centre) / scale;
      anomalous = Math.abs(score) > settings.threshold();
    }
    double learnt =
        anomalous ? expected + centre + Math.signum(score) * settings.threshold() * scale : actual;
    s.residuals[s.residualCount % settings.residualWindow()] = learnt - expected;
    s.residualCount++;
    double previousLevel = s.level;
    s.level =
        settings.alpha() * (learnt - s.season[slot]) + (1 - settings.alpha()) * (s.level + s.trend);
    s.trend = settings.beta() * (s.level - previousLevel) + (1 - settings.beta()) * s.trend;
    s.season[slot] =
        settings.gamma() * (learnt - s.level) + (1 - settings.gamma()) * s.season[slot];
    s.seen++;
    return new Verdict(expected, actual, score, anomalous, forecasts(s));
  }

  private static void initialise(SeriesState s) {
    double sum = 0;
    for (double v : s.season) {
      sum += v;
    }
    s.level = sum / s.season.length;
    s.trend = 0;
    for (int i = 0; i < s.season.length; i++) {
      s.season[i] -= s.level;
    }
  }

  private double[] forecasts(SeriesState s) {
    int[] horizons = settings.horizons();
    double[] out = new double[horizons.length];
    for (int i = 0; i < horizons.length; i++) {
      out[i] = forecast(s, horizons[i]);
    }
    return out;
  }
}
