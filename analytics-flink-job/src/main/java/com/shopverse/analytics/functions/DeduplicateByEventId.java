package com.shopverse.analytics.functions;

import com.shopverse.analytics.InteractionRow;
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
 * <p>Every event passes here, so this is where the job measures how far its event time trails the
 * wall clock ({@code shopverse.watermark_lag_ms}).
 */
public class DeduplicateByEventId
    extends KeyedProcessFunction<String, InteractionRow, InteractionRow> {

  private final Duration retention;
  private transient ValueState<Boolean> seen;
  private transient Counter duplicates;
  private transient WatermarkLag watermarkLag;

  public DeduplicateByEventId(Duration retention) {
    this.retention = retention;
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
    duplicates = getRuntimeContext().getMetricGroup().counter("interactionsDuplicate");
    watermarkLag =
        ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
            .gauge(ShopverseMetrics.WATERMARK_LAG_MS, new WatermarkLag());
  }

  @Override
  public void processElement(InteractionRow row, Context ctx, Collector<InteractionRow> out)
      throws Exception {
    watermarkLag.observe(ctx.timerService().currentWatermark());
    if (seen.value() != null) {
      duplicates.inc();
      return;
    }
    seen.update(Boolean.TRUE);
    out.collect(row);
  }
}
