package com.shopverse.gateway.ratelimit;

/**
 * The answer of a bucket: whether the request may pass, the whole tokens left, and when to come
 * back. {@code outcome} says which limiter answered (for metrics).
 */
record Decision(
    boolean allowed,
    long limit,
    long remaining,
    long resetSeconds,
    long retryAfterSeconds,
    Outcome outcome) {

  enum Outcome {
    ALLOWED("allowed"),
    LIMITED("limited"),
    FAILED_OPEN("failed_open"),
    FALLBACK_ALLOWED("fallback_allowed"),
    FALLBACK_LIMITED("fallback_limited");

    final String tag;

    Outcome(String tag) {
      this.tag = tag;
    }
  }

  static Decision failedOpen() {
    return new Decision(true, -1, -1, -1, -1, Outcome.FAILED_OPEN);
  }

  boolean hasHeaders() {
    return limit >= 0;
  }
}
