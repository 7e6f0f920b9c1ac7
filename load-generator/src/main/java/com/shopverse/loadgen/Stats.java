package com.shopverse.loadgen;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What happened to the recorded requests (warm-up ones are ignored). Thread-safe with one lock: at
 * a few thousand requests per second an uncontended lock costs far less than the noise it guards.
 *
 * <p>Latencies run from the intended start to the last byte of the response. Requests that got no
 * answer in time (timeouts, and requests that waited for a free connection until their time was up)
 * enter the histogram at the moment they were given up: a lower bound, but it keeps them in p99.9
 * and max instead of out of sight. Requests that failed outright (connection refused or reset) have
 * no latency; they are counted as errors by exception.
 */
final class Stats {

  private final Schedule schedule;
  private final Set<Integer> expectStatus;
  private final Histogram latency = new Histogram(3);
  private final Histogram sendLag = new Histogram(3);
  private final Map<Integer, Long> statuses = new TreeMap<>();
  private final Map<String, Long> exceptions = new TreeMap<>();
  private long sent;
  private long ok;
  private long timeouts;
  private long expired;
  private long lastSentAt;
  private long connectionsOpened;

  Stats(Schedule schedule, Set<Integer> expectStatus) {
    this.schedule = schedule;
    this.expectStatus = Set.copyOf(expectStatus);
  }

  boolean isExpected(int status) {
    return expectStatus.isEmpty() ? status >= 200 && status < 300 : expectStatus.contains(status);
  }

  /** A response arrived: {@code sentAt} is when the request went out, {@code doneAt} its end. */
  synchronized void response(long request, long sentAt, long doneAt, int status) {
    if (schedule.isWarmup(request)) {
      return;
    }
    countSent(request, sentAt);
    latency.recordValue(since(request, doneAt));
    statuses.merge(status, 1L, Long::sum);
    if (isExpected(status)) {
      ok++;
    }
  }

  /** No response by the deadline; {@code sentAt} is 0 if the time ran out while connecting. */
  synchronized void timeout(long request, long sentAt, long gaveUpAt) {
    if (schedule.isWarmup(request)) {
      return;
    }
    if (sentAt != 0) {
      countSent(request, sentAt);
    }
    latency.recordValue(since(request, gaveUpAt));
    timeouts++;
  }

  /** The request waited for a free connection until its time was up, and was never sent. */
  synchronized void expired(long request, long gaveUpAt) {
    if (schedule.isWarmup(request)) {
      return;
    }
    latency.recordValue(since(request, gaveUpAt));
    expired++;
  }

  /** The exchange failed without a response; {@code sentAt} is 0 if the request never went out. */
  synchronized void failure(long request, long sentAt, Throwable failure) {
    if (schedule.isWarmup(request)) {
      return;
    }
    if (sentAt != 0) {
      countSent(request, sentAt);
    }
    exceptions.merge(failure.getClass().getSimpleName(), 1L, Long::sum);
  }

  synchronized void connectionOpened() {
    connectionsOpened++;
  }

  private void countSent(long request, long sentAt) {
    sent++;
    sendLag.recordValue(since(request, sentAt));
    lastSentAt = sent == 1 ? sentAt : Math.max(lastSentAt, sentAt);
  }

  private long since(long request, long nanos) {
    return Math.max(0, nanos - schedule.intendedStart(request));
  }

  synchronized Result result(Duration duration) {
    Map<Integer, Long> errorStatuses = new TreeMap<>(statuses);
    errorStatuses.keySet().removeIf(this::isExpected);
    double window = Math.max(duration.toNanos(), lastSentAt - schedule.measurementStart());
    return new Result(
        schedule.rate(),
        sent == 0 ? 0 : sent * 1e9 / window,
        schedule.measuredRequests(),
        sent,
        ok,
        errorStatuses,
        new TreeMap<>(exceptions),
        timeouts,
        expired,
        connectionsOpened,
        latency.copy(),
        sendLag.copy());
  }
}
