package com.shopverse.ops.functions;

import com.shopverse.ops.AnomalyRow;
import com.shopverse.ops.BucketCount;
import com.shopverse.ops.ForecastRow;
import com.shopverse.ops.OpsMetrics;
import com.shopverse.ops.model.ModelSettings;
import com.shopverse.ops.model.SeasonalDetector;
import com.shopverse.ops.model.SeriesState;
import com.shopverse.ops.model.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Runs the {@link SeasonalDetector} of one aggregate series (keyed by series name) over its bucket
 * counts: a forecast row per horizon for every bucket, an anomaly to {@link #ANOMALIES} when the
 * bucket left its forecast. A bucket with no events produces no count upstream, so an event-time
 * timer at the end of the next bucket feeds a zero when nothing came: a series that falls silent is
 * itself an anomaly. The latest forecast per horizon is a gauge, in events per second.
 */
public class SeriesForecaster extends KeyedProcessFunction<String, BucketCount, ForecastRow> {

  public static final OutputTag<AnomalyRow> ANOMALIES = new OutputTag<>("level-anomalies") {};

  private final ModelSettings model;
  private final long bucketMs;

  private transient SeasonalDetector detector;
  private transient ValueState<SeriesState> state;
  private transient Map<String, Counter> anomalyCounters;
  private transient Counter lateBuckets;
  private transient Map<String, double[]> latestPerSecond;

  public SeriesForecaster(ModelSettings model, Duration bucket) {
    this.model = model;
    this.bucketMs = bucket.toMillis();
  }

  @Override
  public void open(OpenContext context) {
    detector = new SeasonalDetector(model);
    state = getRuntimeContext().getState(new ValueStateDescriptor<>("series", SeriesState.class));
    anomalyCounters = new HashMap<>();
    latestPerSecond = new HashMap<>();
    lateBuckets =
        getRuntimeContext().getMetricGroup().addGroup(OpsMetrics.GROUP).counter("late_buckets");
    // Every subtask registers every known series (0 where it owns none): the rules take the sum
    // of the counters and the max of the forecasts across subtasks.
    for (String series : OpsMetrics.aggregateSeries()) {
      anomalyCounters.computeIfAbsent(series, this::counter);
      latest(series, model.horizons());
    }
  }

  @Override
  public void processElement(BucketCount count, Context ctx, Collector<ForecastRow> out)
      throws Exception {
    SeriesState s = current();
    long bucket = Math.floorDiv(count.bucketMs(), bucketMs);
    if (s.lastBucket != Long.MIN_VALUE && bucket <= s.lastBucket) {
      lateBuckets.inc();
      return; // a bucket already closed (fed as zero after its timer): too late to count
    }
    feed(count.series(), s, bucket, count.count(), ctx, out);
    ctx.timerService().registerEventTimeTimer((bucket + 2) * bucketMs);
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ForecastRow> out)
      throws Exception {
    if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
      return; // the input ended: the buckets after it are not silent, they never came
    }
    SeriesState s = current();
    long due = timestamp / bucketMs - 1;
    if (s.lastBucket < due) {
      feed(ctx.getCurrentKey(), s, due, 0, ctx, out);
      ctx.timerService().registerEventTimeTimer((due + 2) * bucketMs);
    }
  }

  private SeriesState current() throws Exception {
    SeriesState s = state.value();
    return s != null ? s : detector.newState();
  }

  private void feed(
      String series,
      SeriesState s,
      long bucket,
      long count,
      Context ctx,
      Collector<ForecastRow> out)
      throws Exception {
    Verdict v = detector.update(s, bucket, count);
    state.update(s);
    long startMs = bucket * bucketMs;
    long startSeconds = startMs / 1000;
    String date = Instant.ofEpochMilli(startMs).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    int[] horizons = model.horizons();
    double[] perSecond = latest(series, horizons);
    for (int i = 0; i < horizons.length; i++) {
      double forecast = v.forecasts()[i];
      if (Double.isFinite(forecast)) {
        forecast = Math.max(0, forecast);
        perSecond[i] = forecast * 1000.0 / bucketMs;
        out.collect(
            new ForecastRow(
                series,
                startSeconds,
                startMs,
                date,
                bucketMs / 1000,
                horizons[i],
                startMs + horizons[i] * bucketMs,
                count,
                forecast));
      }
    }
    if (v.anomalous()) {
      anomalyCounters.computeIfAbsent(series, this::counter).inc();
      ctx.output(
          ANOMALIES,
          new AnomalyRow(
              series,
              "*",
              startSeconds,
              startMs,
              date,
              bucketMs / 1000,
              AnomalyRow.LEVEL,
              v.direction().wireName(),
              v.expected(),
              count,
              v.score(),
              explain(series, v),
              System.currentTimeMillis()));
    }
  }

  private String explain(String series, Verdict v) {
    return String.format(
        Locale.ROOT,
        "%s: %.0f in a %ds bucket, forecast %.1f (robust z %+.1f over the last %d residuals, %s)",
        series,
        v.actual(),
        bucketMs / 1000,
        v.expected(),
        v.score(),
        model.residualWindow(),
        v.direction().wireName());
  }

  private Counter counter(String series) {
    return OpsMetrics.series(getRuntimeContext().getMetricGroup(), series)
        .counter(OpsMetrics.ANOMALIES);
  }

  private double[] latest(String series, int[] horizons) {
    double[] values = latestPerSecond.get(series);
    if (values == null) {
      double[] created = new double[horizons.length];
      MetricGroup group = OpsMetrics.series(getRuntimeContext().getMetricGroup(), series);
      for (int i = 0; i < horizons.length; i++) {
        int index = i;
        group
            .addGroup("horizon", Integer.toString(horizons[i]))
            .gauge(OpsMetrics.FORECAST_PER_SECOND, (Gauge<Double>) () -> created[index]);
      }
      latestPerSecond.put(series, created);
      values = created;
    }
    return values;
  }
}
