package com.shopverse.analytics.functions;

/**
 * Versions for upserted rows: wall-clock microseconds, strictly rising within one task, so a row
 * written after a restart always outranks one written before it.
 */
final class RowVersions {

  private long last;

  long next() {
    last = Math.max(last + 1, System.currentTimeMillis() * 1000);
    return last;
  }
}
