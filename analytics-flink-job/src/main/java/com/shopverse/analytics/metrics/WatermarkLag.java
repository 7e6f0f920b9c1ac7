package com.shopverse.analytics.metrics;

import org.apache.flink.metrics.Gauge;

/**
 * How far event time trails the wall clock: now minus the newest watermark the operator has seen,
 * read when the metric is scraped, so it keeps growing while the watermark is stuck. 0 before the
 * first watermark and at the end of a bounded input (whose final watermark is the end of time).
 * With no traffic the watermark stands still too, so the lag also grows on a quiet stream: read it
 * together with the records-in rate.
 */
public final class WatermarkLag implements Gauge<Long> {

  private volatile long watermark = Long.MIN_VALUE;

  /** Called from the operator's thread with its current watermark. */
  public void observe(long currentWatermark) {
    if (currentWatermark > watermark) {
      watermark = currentWatermark;
    }
  }

  @Override
  public Long getValue() {
    long seen = watermark;
    if (seen == Long.MIN_VALUE) {
      return 0L;
    }
    return Math.max(0L, System.currentTimeMillis() - seen);
  }
}
