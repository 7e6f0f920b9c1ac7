package com.shopverse.loadgen;

/** What a client needs to run: when requests are due, where they go, how long each may take. */
final class Plan {

  private final Schedule schedule;
  private final Targets targets;
  private final long timeoutNanos;
  private volatile boolean stopped;

  Plan(Schedule schedule, Targets targets, long timeoutNanos) {
    this.schedule = schedule;
    this.targets = targets;
    this.timeoutNanos = timeoutNanos;
  }

  Schedule schedule() {
    return schedule;
  }

  Targets targets() {
    return targets;
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  /** Cuts the run off: no request is started after this. */
  void stop() {
    stopped = true;
  }

  boolean stopped() {
    return stopped;
  }
}
