package com.shopverse.analytics.functions;

import com.shopverse.analytics.metrics.ShopverseMetrics;
import com.shopverse.analytics.metrics.WatermarkLag;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets the first copy of each event id through and drops later ones (client retries, producer
 * retries). State lives for {@code retention}, then expires so it cannot grow without bound; a
 * duplicate arriving later still collapses in ClickHouse's ReplacingMergeTree.
 *
 * <p>One instance per source topic, keyed by the event id (every contract's events carry one).
 * Every interaction passes the interactions' instance, so that one measures how far the job's event
 * time trails the wall clock ({@code shopverse.watermark_lag_ms}).
 */
public class DeduplicateByEventId<T> extends KeyedProcessFunction<String, T, T> {

  private final Duration retention;
  private final String duplicatesMetric;
  private final boolean measuresWatermarkLag;
  private transient ValueState<Boolean> seen;
  private transient Counter duplicates;
  private transient WatermarkLag watermarkLag;

  /** The interactions' deduplication (metrics {@code interactionsDuplicate} and watermark lag). */
  public DeduplicateByEventId(Duration retention) {
    this(retention, "interactionsDuplicate", true);
  }

  public DeduplicateByEventId(
      Duration retention, String duplicatesMetric, boolean measuresWatermarkLag) {
    this.retention = retention;
    this.duplicatesMetric = duplicatesMetric;
    this.measuresWatermarkLag = measuresWatermarkLag;
  }

  @Override
  public void open(OpenContext context) {
    var descriptor = new ValueStateDescriptor<>("seen", Boolean.class);
    descriptor.enableTimeToLive(
        StateTtlConfig.newBuilder(retention)
            .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
            .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
            .build());
    seen = getRuntimeContext().getState(descriptor);
    duplicates = getRuntimeContext().getMetricGroup().counter(duplicatesMetric);
    if (measuresWatermarkLag) {
      watermarkLag =
          ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
              .gauge(ShopverseMetrics.WATERMARK_LAG_MS, new WatermarkLag());
    }
  }

  @Override
  public void processElement(T row, Context ctx, Collector<T> out) throws Exception {
    if (watermarkLag != null) {
      watermarkLag.observe(ctx.timerService().currentWatermark());
    }
    if (seen.value() != null) {
      duplicates.inc();
      return;
    }
    seen.update(Boolean.TRUE);
    out.collect(row);
  }
}
