package com.shopverse.ops.functions;

import com.shopverse.ops.AnomalyRow;
import com.shopverse.ops.BucketCount;
import com.shopverse.ops.OpsMetrics;
import com.shopverse.ops.model.ModelSettings;
import com.shopverse.ops.model.PeerDetector;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * One bucket of a keyed series (keyed by series name): every key's count, judged by the {@link
 * PeerDetector} against the other keys and against the key's own usual count, which is kept per key
 * across buckets (expiring after {@code keyRetention} without events, so shoppers who left do not
 * stay in state). A failure series ({@link OpsMetrics#failureSeries()}) is judged by {@link
 * PeerDetector#detectFailures}.
 */
public class PeerBuckets
    extends ProcessWindowFunction<BucketCount, AnomalyRow, String, TimeWindow> {

  private final ModelSettings model;
  private final Duration keyRetention;

  private transient PeerDetector detector;
  private transient MapStateDescriptor<String, Double> baselinesDescriptor;
  private transient ValueStateDescriptor<Long> seenDescriptor;
  private transient Map<String, Counter> counters;

  public PeerBuckets(ModelSettings model, Duration keyRetention) {
    this.model = model;
    this.keyRetention = keyRetention;
  }

  @Override
  public void open(OpenContext context) {
    detector = new PeerDetector(model);
    baselinesDescriptor = new MapStateDescriptor<>("key-baselines", String.class, Double.class);
    baselinesDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(keyRetention).build());
    seenDescriptor = new ValueStateDescriptor<>("buckets-seen", Long.class);
    counters = new HashMap<>();
    for (String series : OpsMetrics.keyedSeries()) {
      counters.put(
          series,
          OpsMetrics.series(getRuntimeContext().getMetricGroup(), series)
              .counter(OpsMetrics.ANOMALIES));
    }
  }

  @Override
  public void process(
      String series, Context ctx, Iterable<BucketCount> counts, Collector<AnomalyRow> out)
      throws Exception {
    MapState<String, Double> baselines = ctx.globalState().getMapState(baselinesDescriptor);
    ValueState<Long> seen = ctx.globalState().getState(seenDescriptor);
    long bucketsBefore = seen.value() == null ? 0 : seen.value();
    List<PeerDetector.KeyCount> keys = new ArrayList<>();
    for (BucketCount c : counts) {
      Double baseline = baselines.get(c.key());
      keys.add(
          new PeerDetector.KeyCount(c.key(), c.count(), baseline == null ? Double.NaN : baseline));
    }
    boolean failures = OpsMetrics.failureSeries().contains(series);
    List<PeerDetector.Flag> flags =
        failures ? detector.detectFailures(keys) : detector.detect(keys, bucketsBefore);
    Set<String> flagged = new HashSet<>();
    long startMs = ctx.window().getStart();
    long bucketSeconds = (ctx.window().getEnd() - startMs) / 1000;
    String date = Instant.ofEpochMilli(startMs).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    for (PeerDetector.Flag f : flags) {
      flagged.add(f.key());
      counters
          .computeIfAbsent(
              series,
              s ->
                  OpsMetrics.series(getRuntimeContext().getMetricGroup(), s)
                      .counter(OpsMetrics.ANOMALIES))
          .inc();
      out.collect(
          new AnomalyRow(
              series,
              f.key(),
              startMs / 1000,
              startMs,
              date,
              bucketSeconds,
              AnomalyRow.PEER,
              "up",
              f.expected(),
              f.actual(),
              f.score(),
              explanation(series, f, bucketSeconds, keys.size() - 1, failures),
              System.currentTimeMillis()));
    }
    for (PeerDetector.KeyCount k : keys) {
      boolean wasFlagged = flagged.contains(k.key());
      baselines.put(
          k.key(),
          failures
              ? detector.nextFailureBaseline(k.baseline(), k.count(), wasFlagged)
              : detector.nextBaseline(k.baseline(), k.count(), wasFlagged));
    }
    seen.update(bucketsBefore + 1);
  }

  private String explanation(
      String series, PeerDetector.Flag f, long bucketSeconds, int peers, boolean failures) {
    String head =
        String.format(
            Locale.ROOT,
            "%s %s: %d in a %ds bucket, usually %.1f; ",
            series,
            f.key(),
            f.actual(),
            bucketSeconds,
            f.expected());
    if (failures && peers < 2) {
      return head
          + String.format(
              Locale.ROOT, "at least %d failures from one key is an attack", model.peerMinCount());
    }
    return head
        + String.format(
            Locale.ROOT, "robust z %+.1f of log counts against %d other keys", f.score(), peers);
  }
}
