package com.shopverse.analytics.functions;

import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.ProductMinuteRow;
import com.shopverse.analytics.metrics.ShopverseMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts each product's interactions per minute of event time, keyed by product. The exact counts
 * live in checkpointed state; whenever they change, the whole row is emitted again (at most every
 * {@code flushInterval}) with a rising version, so ClickHouse's ReplacingMergeTree keeps the
 * latest. After a crash the state and the input are both rewound to the last checkpoint, so the
 * rows converge to the same exact counts: nothing lost, nothing counted twice.
 *
 * <p>A minute's counts are kept until the watermark passes its end plus {@code allowedLateness},
 * then dropped; an event for a minute already dropped is late: it is counted in the {@code
 * shopverse.late_events} metric and stays in the raw table only. Purchases and revenue are not
 * counted from client events: they come from order-events, the server's truth.
 */
public class ProductMinuteStats
    extends KeyedProcessFunction<String, InteractionRow, ProductMinuteRow> {

  private final Duration allowedLateness;
  private final Duration flushInterval;
  private transient MapState<Long, MinuteCounts> minutes;
  private transient FlushSchedule flush;
  private transient Counter late;
  private transient RowVersions versions;

  public ProductMinuteStats(Duration allowedLateness, Duration flushInterval) {
    this.allowedLateness = allowedLateness;
    this.flushInterval = flushInterval;
  }

  @Override
  public void open(OpenContext context) {
    minutes =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("minutes", Long.class, MinuteCounts.class));
    flush = new FlushSchedule(getRuntimeContext(), flushInterval);
    versions = new RowVersions();
    late =
        ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
            .counter(ShopverseMetrics.LATE_EVENTS);
  }

  @Override
  public void processElement(InteractionRow row, Context ctx, Collector<ProductMinuteRow> out)
      throws Exception {
    long minuteMs = Math.floorDiv(row.eventTimeMs(), 60_000L) * 60_000L;
    long evictAt = minuteMs + 60_000L + allowedLateness.toMillis();
    if (evictAt <= ctx.timerService().currentWatermark()) {
      late.inc();
      return;
    }
    MinuteCounts counts = minutes.get(minuteMs);
    if (counts == null) {
      counts = new MinuteCounts();
      ctx.timerService().registerEventTimeTimer(evictAt);
    }
    if (!count(row, counts)) {
      return;
    }
    counts.dirty = true;
    minutes.put(minuteMs, counts);
    flush.request(ctx.timerService());
  }

  /** Adds the row to the counts; false if this type is not counted here. */
  private static boolean count(InteractionRow row, MinuteCounts counts) {
    switch (row.type()) {
      case "PRODUCT_VIEWED" -> counts.views++;
      case "PRODUCT_CLICKED" -> counts.clicks++;
      case "ADDED_TO_CART" -> counts.carts += quantity(row);
      case "REMOVED_FROM_CART" -> counts.removes += quantity(row);
      default -> {
        return false;
      }
    }
    if (row.categoryId() != null) {
      counts.categoryId = row.categoryId();
    }
    return true;
  }

  private static long quantity(InteractionRow row) {
    return row.quantity() != null && row.quantity() > 0 ? row.quantity() : 1;
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ProductMinuteRow> out)
      throws Exception {
    if (ctx.timeDomain() == TimeDomain.PROCESSING_TIME) {
      flush.done(ctx.timerService());
      emitDirty(ctx.getCurrentKey(), out, Long.MAX_VALUE);
      return;
    }
    // Event time: the minutes whose lateness window has closed are final; emit and forget them
    // (at the end of a bounded input, that is all of them).
    if (timestamp == FlushSchedule.END_OF_TIME) {
      flush.done(ctx.timerService());
    }
    long closedBefore = timestamp - allowedLateness.toMillis() - 60_000L;
    emitDirty(ctx.getCurrentKey(), out, closedBefore + 1);
    List<Long> closed = new ArrayList<>();
    for (Long minute : minutes.keys()) {
      if (minute <= closedBefore) {
        closed.add(minute);
      }
    }
    for (Long minute : closed) {
      minutes.remove(minute);
    }
  }

  private void emitDirty(String productId, Collector<ProductMinuteRow> out, long beforeMinute)
      throws Exception {
    List<Map.Entry<Long, MinuteCounts>> dirty = new ArrayList<>();
    for (Map.Entry<Long, MinuteCounts> entry : minutes.entries()) {
      if (entry.getValue().dirty && entry.getKey() < beforeMinute) {
        dirty.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    for (Map.Entry<Long, MinuteCounts> entry : dirty) {
      MinuteCounts counts = entry.getValue();
      Instant minute = Instant.ofEpochMilli(entry.getKey());
      out.collect(
          new ProductMinuteRow(
              minute.getEpochSecond(),
              minute.atOffset(ZoneOffset.UTC).toLocalDate().toString(),
              productId,
              counts.categoryId,
              counts.views,
              counts.clicks,
              counts.carts,
              counts.removes,
              0,
              0,
              versions.next()));
      counts.dirty = false;
      minutes.put(entry.getKey(), counts);
    }
  }
}
