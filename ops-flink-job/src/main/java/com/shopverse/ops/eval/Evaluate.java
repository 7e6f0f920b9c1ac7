package com.shopverse.ops.eval;

import com.shopverse.clickhouse.ClickHouseHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.flink.util.ParameterTool;

/**
 * Reads the simulator's truth file and the job's {@code anomalies} and {@code series_forecasts}
 * rows for the run's time range and prints (and with {@code --out}, appends) a Markdown report.
 *
 * <pre>
 * java -cp ops-flink-job.jar com.shopverse.ops.eval.Evaluate --truth truth.jsonl
 *     [--clickhouse.url http://127.0.0.1:8123] [--clickhouse.database shopverse]
 *     [--from ISO] [--to ISO] [--grace 30s] [--series events.all] [--horizon 5]
 *     [--threshold-fraction 0.8] [--threshold 0 (events/s; 0: use the fraction)] [--out file.md]
 * </pre>
 */
public final class Evaluate {

  private Evaluate() {}

  public static void main(String[] args) throws Exception {
    ParameterTool p = ParameterTool.fromArgs(args);
    List<Truth> truths = Truth.read(Path.of(p.getRequired("truth")));
    Instant from =
        p.has("from")
            ? Instant.parse(p.get("from"))
            : truths.stream().map(Truth::startedAt).min(Instant::compareTo).orElseThrow();
    Instant to =
        p.has("to")
            ? Instant.parse(p.get("to"))
            : truths.stream().map(Truth::endedAt).max(Instant::compareTo).orElseThrow();
    ClickHouseHttp db =
        ClickHouseHttp.of(
            p.get("clickhouse.url", "http://127.0.0.1:8123"),
            p.get("clickhouse.database", "shopverse"),
            Duration.ofSeconds(30));
    long a = from.toEpochMilli();
    long b = to.toEpochMilli();
    List<Detection> anomalies =
        db
            .query(
                "SELECT series, series_key, bucket_ms, bucket_seconds, kind, detected_ms"
                    + " FROM anomalies FINAL WHERE bucket_ms >= "
                    + a
                    + " AND bucket_ms <= "
                    + b)
            .stream()
            .map(
                r ->
                    new Detection(
                        r.get(0),
                        r.get(1),
                        Long.parseLong(r.get(2)),
                        Long.parseLong(r.get(3)),
                        r.get(4),
                        Long.parseLong(r.get(5))))
            .toList();
    List<Forecast> forecasts =
        db
            .query(
                "SELECT series, bucket_ms, bucket_seconds, horizon, target_ms, actual, forecast"
                    + " FROM series_forecasts FINAL WHERE bucket_ms >= "
                    + a
                    + " AND bucket_ms <= "
                    + b)
            .stream()
            .map(
                r ->
                    new Forecast(
                        r.get(0),
                        Long.parseLong(r.get(1)),
                        Long.parseLong(r.get(2)),
                        Integer.parseInt(r.get(3)),
                        Long.parseLong(r.get(4)),
                        Double.parseDouble(r.get(5)),
                        Double.parseDouble(r.get(6))))
            .toList();
    String report =
        report(
            truths,
            anomalies,
            forecasts,
            from,
            to,
            duration(p.get("grace", "30s")),
            p.get("series", "events.all"),
            p.getInt("horizon", 5),
            p.getDouble("threshold-fraction", 0.8),
            p.getDouble("threshold", 0));
    System.out.print(report);
    if (p.has("out")) {
      Files.writeString(
          Path.of(p.get("out")), report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
  }

  static String report(
      List<Truth> truths,
      List<Detection> anomalies,
      List<Forecast> forecasts,
      Instant from,
      Instant to,
      Duration grace,
      String series,
      int horizon,
      double fraction,
      double threshold) {
    StringBuilder out = new StringBuilder();
    Scoring.DetectionScore score = Scoring.detections(truths, anomalies, grace);
    out.append(
        String.format(Locale.ROOT, "### Detection (%s to %s, grace %s)%n%n", from, to, grace));
    out.append(
        String.format(
            Locale.ROOT,
            "anomalies %d, matching a scenario %d: precision %.2f (lenient %.2f), recall %.2f%n%n",
            score.anomalies(),
            score.matched(),
            score.precision(),
            score.lenientPrecision(),
            score.recall()));
    out.append(
        "| scenario | started | series | key | detected | onset → bucket end | onset → flagged | matches |\n");
    out.append("|---|---|---|---|---|---|---|---|\n");
    for (Scoring.ScenarioResult r : score.scenarios()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %d |%n",
              r.truth().scenario(),
              r.truth().startedAt(),
              String.join(", ", r.truth().series()),
              r.truth().key(),
              r.first().map(d -> d.series() + " " + d.key()).orElse("no"),
              r.delay().map(Evaluate::seconds).orElse("–"),
              r.processingDelay().map(Evaluate::seconds).orElse("–"),
              r.matches()));
    }
    out.append(
        "\nUnmatched anomalies (what strict precision counts against), by series and kind:\n\n"
            + "| series | kind | inside a scenario's window | outside every window |\n"
            + "|---|---|---|---|\n");
    for (Scoring.Unmatched u : Scoring.unmatched(truths, anomalies, grace)) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d |%n",
              u.series(),
              u.kind(),
              u.inWindow(),
              u.outside()));
    }
    List<Truth> scenarios = truths.stream().filter(t -> !t.peak()).toList();
    out.append(
        "\n### Forecast error outside scenario windows (MAPE; naive = same as the origin bucket)\n\n");
    out.append(
        "| series | horizon (buckets) | points | MAPE | naive MAPE |\n|---|---|---|---|---|\n");
    for (Scoring.ForecastError e :
        Scoring.forecastErrors(forecasts, from.toEpochMilli(), to.toEpochMilli(), scenarios)) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.3f | %.3f |%n",
              e.series(),
              e.horizon(),
              e.points(),
              e.mape(),
              e.naiveMape()));
    }
    out.append(
        String.format(
            Locale.ROOT,
            "%n### Daily peaks: forecast (%s, +%d buckets) vs actual crossing the scaling threshold%n%n",
            series,
            horizon));
    out.append(
        "| peak started | threshold (events/s) | forecast crossed | actual crossed | lead |\n|---|---|---|---|---|\n");
    for (Scoring.PeakLead l :
        Scoring.peakLeads(truths, forecasts, series, horizon, fraction, threshold)) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %s | %s | %s |%n",
              l.peak().startedAt(),
              l.thresholdPerSecond(),
              l.forecastCrossMs() == null ? "never" : Instant.ofEpochMilli(l.forecastCrossMs()),
              l.actualCrossMs() == null ? "never" : Instant.ofEpochMilli(l.actualCrossMs()),
              l.lead().map(Evaluate::seconds).orElse("–")));
    }
    out.append('\n');
    return out.toString();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  static Duration duration(String text) {
    return com.shopverse.flink.Durations.parse(text);
  }
}
