package com.shopverse.loadgen.sim;

import com.shopverse.loadgen.sim.SimHttp.Answer;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Per journey: requests, successes, every other outcome, and two histograms in microseconds:
 * latency from the request's intended start (what a shopper waited, including any wait for a free
 * worker) and service time from the moment it was sent. A request that failed without an answer
 * (connection refused) has no latency; a timeout enters at the moment it was given up.
 */
final class JourneyStats {

  /** One journey's figures, copied out. */
  record Journey(
      String name,
      long requests,
      long ok,
      Map<String, Long> outcomes,
      Histogram latency,
      Histogram service) {

    long errors() {
      return requests - ok;
    }
  }

  private static final class Counts {
    long requests;
    long ok;
    final Map<String, Long> outcomes = new TreeMap<>();
    final Histogram latency = new Histogram(3);
    final Histogram service = new Histogram(3);
  }

  private final Map<String, Counts> journeys = new TreeMap<>();
  private long backlog;

  synchronized void record(String journey, long intendedNanos, Answer answer) {
    Counts c = journeys.computeIfAbsent(journey, j -> new Counts());
    c.requests++;
    if (answer.ok()) {
      c.ok++;
    } else {
      c.outcomes.merge(answer.outcome(), 1L, Long::sum);
    }
    if (answer.status() > 0 || answer.timedOut()) {
      c.latency.recordValue(Math.max(0, answer.doneNanos() - intendedNanos) / 1000);
      c.service.recordValue(Math.max(0, answer.doneNanos() - answer.sentNanos()) / 1000);
    }
  }

  /** A step that was due before the end but never got a worker. */
  synchronized void notSent() {
    backlog++;
  }

  synchronized long backlog() {
    return backlog;
  }

  synchronized Map<String, Journey> snapshot() {
    Map<String, Journey> out = new TreeMap<>();
    journeys.forEach(
        (name, c) ->
            out.put(
                name,
                new Journey(
                    name,
                    c.requests,
                    c.ok,
                    new TreeMap<>(c.outcomes),
                    c.latency.copy(),
                    c.service.copy())));
    return out;
  }
}
