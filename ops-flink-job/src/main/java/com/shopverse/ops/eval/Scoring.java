package com.shopverse.ops.eval;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The matching rules between the simulator's truth and what the job wrote (documented in
 * docs/ops-intelligence.md):
 *
 * <ul>
 *   <li>An anomaly <em>matches</em> a scenario when its series is one the scenario lists, its
 *       bucket overlaps [startedAt, endedAt + grace], and — for a scenario with a key — its key is
 *       that key on the scenario's first series (the one the key belongs to); on the other listed
 *       series any key matches (the truth cannot name, say, the bot's shopper id) — unless the
 *       truth's {@code keys} names that series' keys (a flash sale's products), then only those.
 *   <li>Strict precision: matched anomalies ÷ all anomalies. Lenient precision also counts an
 *       anomaly on an unlisted series inside a scenario's window (a bot's views lift the view total
 *       too).
 *   <li>Recall: scenarios with at least one matching anomaly ÷ detectable scenarios (those that
 *       list a stream series). Time to detection: the first match's bucket end minus startedAt.
 * </ul>
 */
public final class Scoring {

  private Scoring() {}

  /** One scenario: the first matching anomaly, if any. */
  public record ScenarioResult(Truth truth, Optional<Detection> first, int matches) {
    public Optional<Duration> delay() {
      return first.map(d -> Duration.ofMillis(d.closedMs() - truth.startedAt().toEpochMilli()));
    }

    public Optional<Duration> processingDelay() {
      return first
          .filter(d -> d.detectedMs() > 0)
          .map(d -> Duration.ofMillis(d.detectedMs() - truth.startedAt().toEpochMilli()));
    }
  }

  /** Precision, recall and per-scenario results. */
  public record DetectionScore(
      int anomalies, int matched, int explained, List<ScenarioResult> scenarios) {
    public double precision() {
      return anomalies == 0 ? Double.NaN : (double) matched / anomalies;
    }

    public double lenientPrecision() {
      return anomalies == 0 ? Double.NaN : (double) explained / anomalies;
    }

    public double recall() {
      return scenarios.isEmpty()
          ? Double.NaN
          : (double) scenarios.stream().filter(s -> s.first().isPresent()).count()
              / scenarios.size();
    }
  }

  static boolean inWindow(Truth t, Detection d, Duration grace) {
    return d.closedMs() > t.startedAt().toEpochMilli()
        && d.bucketMs() <= t.endedAt().toEpochMilli() + grace.toMillis();
  }

  static boolean matches(Truth t, Detection d, Duration grace) {
    if (!t.detectable() || !t.series().contains(d.series()) || !inWindow(t, d, grace)) {
      return false;
    }
    List<String> keys = t.keys().get(d.series());
    if (keys != null) {
      return keys.contains(d.key());
    }
    return "*".equals(t.key()) || !t.series().get(0).equals(d.series()) || t.key().equals(d.key());
  }

  /**
   * Anomalies that matched no scenario, of one series and kind: inside some scenario's window or
   * not.
   */
  public record Unmatched(String series, String kind, int inWindow, int outside) {}

  /**
   * What strict precision counted against the detector, by series and kind: an anomaly inside a
   * scenario's window on a series the scenario does not list (the scenario moved it too, as a bot's
   * views move the view total), or outside every window (a false alarm, or an effect the truth does
   * not name). Most first.
   */
  public static List<Unmatched> unmatched(
      List<Truth> truths, List<Detection> anomalies, Duration grace) {
    List<Truth> scenarios = truths.stream().filter(Truth::detectable).toList();
    Map<String, int[]> counts = new TreeMap<>();
    for (Detection d : anomalies) {
      if (scenarios.stream().anyMatch(t -> matches(t, d, grace))) {
        continue;
      }
      int[] c = counts.computeIfAbsent(d.series() + "|" + d.kind(), k -> new int[2]);
      c[scenarios.stream().anyMatch(t -> inWindow(t, d, grace)) ? 0 : 1]++;
    }
    List<Unmatched> out = new ArrayList<>();
    counts.forEach(
        (k, c) -> {
          String[] sk = k.split("\\|", 2);
          out.add(new Unmatched(sk[0], sk[1], c[0], c[1]));
        });
    out.sort(
        Comparator.comparingInt((Unmatched u) -> u.inWindow() + u.outside())
            .reversed()
            .thenComparing(Unmatched::series));
    return out;
  }

  public static DetectionScore detections(
      List<Truth> truths, List<Detection> anomalies, Duration grace) {
    List<Truth> scenarios = truths.stream().filter(Truth::detectable).toList();
    int matched = 0;
    int explained = 0;
    for (Detection d : anomalies) {
      if (scenarios.stream().anyMatch(t -> matches(t, d, grace))) {
        matched++;
      }
      if (scenarios.stream().anyMatch(t -> inWindow(t, d, grace))) {
        explained++;
      }
    }
    List<ScenarioResult> results = new ArrayList<>();
    for (Truth t : scenarios) {
      List<Detection> hits =
          anomalies.stream()
              .filter(d -> matches(t, d, grace))
              .sorted(Comparator.comparingLong(Detection::bucketMs))
              .toList();
      results.add(new ScenarioResult(t, hits.stream().findFirst(), hits.size()));
    }
    return new DetectionScore(anomalies.size(), matched, explained, results);
  }

  /** Mean absolute percentage error of the model and of "same as the origin bucket". */
  public record ForecastError(
      String series, int horizon, int points, double mape, double naiveMape) {}

  /**
   * Forecast errors per series and horizon, over forecasts whose target lies in [from, to] and
   * outside every {@code excluded} scenario window (spikes are unforecastable by design) and whose
   * actual is positive.
   */
  public static List<ForecastError> forecastErrors(
      List<Forecast> rows, long fromMs, long toMs, List<Truth> excluded) {
    Map<String, Double> actualAt = new HashMap<>();
    for (Forecast f : rows) {
      actualAt.put(f.series() + "@" + f.bucketMs(), f.actual());
    }
    Map<String, double[]> sums = new TreeMap<>(); // series|horizon -> {n, model, naive}
    for (Forecast f : rows) {
      Double actual = actualAt.get(f.series() + "@" + f.targetMs());
      if (actual == null || actual <= 0 || f.targetMs() < fromMs || f.targetMs() > toMs) {
        continue;
      }
      long target = f.targetMs();
      if (excluded.stream()
          .anyMatch(
              t ->
                  target >= t.startedAt().toEpochMilli() && target <= t.endedAt().toEpochMilli())) {
        continue;
      }
      double[] s = sums.computeIfAbsent(f.series() + "|" + f.horizon(), k -> new double[3]);
      s[0]++;
      s[1] += Math.abs(f.forecast() - actual) / actual;
      s[2] += Math.abs(f.actual() - actual) / actual;
    }
    List<ForecastError> out = new ArrayList<>();
    sums.forEach(
        (k, s) -> {
          int bar = k.lastIndexOf('|');
          out.add(
              new ForecastError(
                  k.substring(0, bar),
                  Integer.parseInt(k.substring(bar + 1)),
                  (int) s[0],
                  s[1] / s[0],
                  s[2] / s[0]));
        });
    return out;
  }

  /**
   * When the forecast and the actual rate first reached the scaling threshold before and during one
   * daily peak; both times are bucket ends (when a scaler could first act on them).
   */
  public record PeakLead(
      Truth peak, double thresholdPerSecond, Long forecastCrossMs, Long actualCrossMs) {
    public Optional<Duration> lead() {
      if (forecastCrossMs == null || actualCrossMs == null) {
        return Optional.empty();
      }
      return Optional.of(Duration.ofMillis(actualCrossMs - forecastCrossMs));
    }
  }

  /**
   * For each daily peak: the threshold is {@code absolutePerSecond} if positive, else {@code
   * fraction} of the highest actual rate of {@code series} inside the peak. The crossings are
   * searched from the end of the previous peak (or the first row) to the end of this one.
   */
  public static List<PeakLead> peakLeads(
      List<Truth> truths,
      List<Forecast> rows,
      String series,
      int horizon,
      double fraction,
      double absolutePerSecond) {
    List<Forecast> ordered =
        rows.stream()
            .filter(f -> f.series().equals(series) && f.horizon() == horizon)
            .sorted(Comparator.comparingLong(Forecast::bucketMs))
            .toList();
    List<Truth> peaks =
        truths.stream().filter(Truth::peak).sorted(Comparator.comparing(Truth::startedAt)).toList();
    List<PeakLead> out = new ArrayList<>();
    long searchFrom = Long.MIN_VALUE;
    for (Truth p : peaks) {
      long start = p.startedAt().toEpochMilli();
      long end = p.endedAt().toEpochMilli();
      double threshold = absolutePerSecond;
      if (threshold <= 0) {
        threshold =
            fraction
                * ordered.stream()
                    .filter(f -> f.bucketMs() >= start && f.bucketMs() <= end)
                    .mapToDouble(f -> f.actual() / f.bucketSeconds())
                    .max()
                    .orElse(Double.NaN);
      }
      Long forecastCross = null;
      Long actualCross = null;
      for (Forecast f : ordered) {
        if (f.bucketMs() < searchFrom || f.bucketMs() > end) {
          continue;
        }
        long closed = f.bucketMs() + f.bucketSeconds() * 1000;
        if (forecastCross == null && f.forecast() / f.bucketSeconds() >= threshold) {
          forecastCross = closed;
        }
        if (actualCross == null && f.actual() / f.bucketSeconds() >= threshold) {
          actualCross = closed;
        }
      }
      out.add(new PeakLead(p, threshold, forecastCross, actualCross));
      searchFrom = end;
    }
    return out;
  }
}
