package com.shopverse.loadgen;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * When each request is due: request {@code i} at {@code start + i / rate}, on the {@link
 * System#nanoTime} clock. The first {@code warmupRequests} are sent but not recorded.
 */
record Schedule(long startNanos, double rate, long warmupRequests, long totalRequests) {

  static Schedule startingAt(long startNanos, double rate, Duration warmup, Duration duration) {
    long warmupRequests = count(rate, warmup);
    return new Schedule(startNanos, rate, warmupRequests, warmupRequests + count(rate, duration));
  }

  /** Requests due in {@code duration} at {@code rate}, rounded to the nearest whole request. */
  static long count(double rate, Duration duration) {
    return Math.round(rate * duration.toNanos() / 1e9);
  }

  long intendedStart(long request) {
    return startNanos + Math.round(request * 1e9 / rate);
  }

  boolean isWarmup(long request) {
    return request < warmupRequests;
  }

  long measuredRequests() {
    return totalRequests - warmupRequests;
  }

  /** The intended start of the first recorded request. */
  long measurementStart() {
    return intendedStart(warmupRequests);
  }

  /** Where the last request's slot ends: warm-up plus duration after the start. */
  long endNanos() {
    return intendedStart(totalRequests);
  }

  /**
   * Sleeps until {@code nanos} on the {@link System#nanoTime} clock. Parking, not spinning: the
   * generator shares two cores with the services it measures. Linux wakes a parked thread some
   * 50-100 microseconds late (timer slack); that delay is in every measured latency, and in the
   * self-overhead figures of the README.
   */
  static void sleepUntil(long nanos) {
    for (long wait = nanos - System.nanoTime(); wait > 0; wait = nanos - System.nanoTime()) {
      LockSupport.parkNanos(wait);
    }
  }
}
