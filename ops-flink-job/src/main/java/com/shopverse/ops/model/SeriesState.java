package com.shopverse.ops.model;

/**
 * The state of one series' forecaster, a plain POJO (public fields, no-arg constructor) so Flink
 * serialises it without Kryo and keeps it in checkpoints.
 */
public class SeriesState {
  /** The last bucket index fed, or {@link Long#MIN_VALUE} before the first. */
  public long lastBucket = Long.MIN_VALUE;

  /** Buckets fed so far. */
  public int seen;

  public double level;
  public double trend;

  /** Seasonal offsets by bucket index modulo the season; raw values during the first season. */
  public double[] season;

  /** Ring of recent (clipped) residuals. */
  public double[] residuals;

  public int residualCount;

  public SeriesState() {}

  static SeriesState fresh(ModelSettings settings) {
    SeriesState s = new SeriesState();
    s.season = new double[settings.seasonLength()];
    s.residuals = new double[settings.residualWindow()];
    return s;
  }
}
