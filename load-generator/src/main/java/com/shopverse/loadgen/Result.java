package com.shopverse.loadgen;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The figures of one run. Every scheduled request is either {@code ok} or an error: an unexpected
 * status, an exception, a timeout, expired while waiting for a connection, or (only if the run had
 * to be cut off) unfinished. Histograms hold nanoseconds.
 */
record Result(
    double targetRate,
    double achievedRate,
    long scheduled,
    long sent,
    long ok,
    Map<Integer, Long> errorStatuses,
    Map<String, Long> exceptions,
    long timeouts,
    long expired,
    long connectionsOpened,
    Histogram latency,
    Histogram sendLag) {

  long errors() {
    return scheduled - ok;
  }

  double errorRate() {
    return scheduled == 0 ? 0 : (double) errors() / scheduled;
  }

  /** Requests that were neither answered nor given up when the run was cut off. */
  long unfinished() {
    long accounted =
        ok
            + errorStatuses.values().stream().mapToLong(Long::longValue).sum()
            + exceptions.values().stream().mapToLong(Long::longValue).sum()
            + timeouts
            + expired;
    return scheduled - accounted;
  }

  /** A latency percentile in milliseconds. */
  double latencyMillis(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1e6;
  }

  double maxLatencyMillis() {
    return latency.getMaxValue() / 1e6;
  }
}
