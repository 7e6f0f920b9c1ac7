package com.shopverse.ops.eval;

/** One row of {@code series_forecasts}: at the end of {@code bucketMs}, the forecast for target. */
public record Forecast(
    String series,
    long bucketMs,
    long bucketSeconds,
    int horizon,
    long targetMs,
    double actual,
    double forecast) {}
