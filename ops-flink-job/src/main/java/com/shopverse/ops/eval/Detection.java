package com.shopverse.ops.eval;

/**
 * One row of the {@code anomalies} table. The bucket closes at {@link #closedMs()}: the earliest
 * the job could have flagged it; {@code detectedMs} is when it did (0 if unknown).
 */
public record Detection(
    String series, String key, long bucketMs, long bucketSeconds, String kind, long detectedMs) {

  public long closedMs() {
    return bucketMs + bucketSeconds * 1000;
  }
}
