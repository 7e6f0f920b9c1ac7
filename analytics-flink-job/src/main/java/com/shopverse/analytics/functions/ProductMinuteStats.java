package com.shopverse.analytics.functions;

import com.shopverse.analytics.ProductActivity;
import com.shopverse.analytics.ProductMinuteRow;
import com.shopverse.analytics.metrics.ShopverseMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
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
 * counted from client events: they come from paid orders on order-events, the server's truth.
 *
 * <p>The product's category is the catalog's ({@code ProductChanged}) once the job has seen one,
 * else the one clients sent with their interactions; when the catalog's arrives or changes, the
 * open minutes are relabelled and written again, so order lines (which carry no category) get it
 * too.
 *
 * <p>Flink does not checkpoint watermarks: after a restore the operator's watermark starts from
 * scratch, and until the sources' next watermark arrives every event would look on time. A late
 * event would then open a minute already written and dropped, and its row (holding that one event)
 * would replace the minute's full counts in ClickHouse. So the watermark this operator had seen is
 * checkpointed too, and lateness is judged against the higher of it and the current one.
 */
public class ProductMinuteStats
    extends KeyedProcessFunction<String, ProductActivity, ProductMinuteRow>
    implements CheckpointedFunction {

  private final Duration allowedLateness;
  private final Duration flushInterval;
  private transient MapState<Long, MinuteCounts> minutes;
  private transient ValueState<String> catalogCategory;
  private transient FlushSchedule flush;
  private transient Counter late;
  private transient RowVersions versions;
  private transient ListState<Long> checkpointedWatermark;

  /** The highest watermark seen by this subtask, carried across restores. */
  private transient long seenWatermark;

  public ProductMinuteStats(Duration allowedLateness, Duration flushInterval) {
    this.allowedLateness = allowedLateness;
    this.flushInterval = flushInterval;
  }

  @Override
  public void initializeState(FunctionInitializationContext context) throws Exception {
    // Union state: after a rescale every subtask gets all the old subtasks' watermarks; the lowest
    // is one every one of them had passed.
    checkpointedWatermark =
        context
            .getOperatorStateStore()
            .getUnionListState(new ListStateDescriptor<>("seen-watermark", Long.class));
    seenWatermark = Long.MIN_VALUE;
    if (context.isRestored()) {
      long lowest = Long.MAX_VALUE;
      for (Long watermark : checkpointedWatermark.get()) {
        lowest = Math.min(lowest, watermark);
      }
      seenWatermark = lowest == Long.MAX_VALUE ? Long.MIN_VALUE : lowest;
    }
  }

  @Override
  public void snapshotState(FunctionSnapshotContext context) throws Exception {
    checkpointedWatermark.update(List.of(seenWatermark));
  }

  @Override
  public void open(OpenContext context) {
    minutes =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("minutes", Long.class, MinuteCounts.class));
    catalogCategory =
        getRuntimeContext().getState(new ValueStateDescriptor<>("category", String.class));
    flush = new FlushSchedule(getRuntimeContext(), flushInterval);
    versions = new RowVersions();
    late =
        ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
            .counter(ShopverseMetrics.LATE_EVENTS);
  }

  @Override
  public void processElement(ProductActivity row, Context ctx, Collector<ProductMinuteRow> out)
      throws Exception {
    if (ProductActivity.CATEGORY.equals(row.kind())) {
      relabel(row.categoryId(), ctx);
      return;
    }
    long minuteMs = Math.floorDiv(row.eventTimeMs(), 60_000L) * 60_000L;
    long evictAt = minuteMs + 60_000L + allowedLateness.toMillis();
    seenWatermark = Math.max(seenWatermark, ctx.timerService().currentWatermark());
    if (evictAt <= seenWatermark) {
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
    String category = catalogCategory.value();
    if (category != null) {
      counts.categoryId = category;
    } else if (row.categoryId() != null) {
      counts.categoryId = row.categoryId();
    }
    counts.dirty = true;
    minutes.put(minuteMs, counts);
    flush.request(ctx.timerService());
  }

  /** The catalog's category for this product: every open minute carries it from now on. */
  private void relabel(String category, Context ctx) throws Exception {
    if (category.equals(catalogCategory.value())) {
      return;
    }
    catalogCategory.update(category);
    List<Map.Entry<Long, MinuteCounts>> changed = new ArrayList<>();
    for (Map.Entry<Long, MinuteCounts> entry : minutes.entries()) {
      if (!category.equals(entry.getValue().categoryId)) {
        changed.add(Map.entry(entry.getKey(), entry.getValue()));
      }
    }
    for (Map.Entry<Long, MinuteCounts> entry : changed) {
      MinuteCounts counts = entry.getValue();
      counts.categoryId = category;
      counts.dirty = true;
      minutes.put(entry.getKey(), counts);
    }
    if (!changed.isEmpty()) {
      flush.request(ctx.timerService());
    }
  }

  /** Adds the activity to the counts; false if this kind is not counted here. */
  private static boolean count(ProductActivity row, MinuteCounts counts) {
    switch (row.kind()) {
      case ProductActivity.VIEW -> counts.views++;
      case ProductActivity.CLICK -> counts.clicks++;
      case ProductActivity.CART -> counts.carts += row.quantity();
      case ProductActivity.REMOVE -> counts.removes += row.quantity();
      case ProductActivity.PURCHASE -> {
        counts.purchases += row.quantity();
        counts.revenueMinor += row.revenueMinor();
        if (row.currency() != null) {
          counts.currency = row.currency();
        }
      }
      default -> {
        return false;
      }
    }
    return true;
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
    seenWatermark = Math.max(seenWatermark, ctx.timerService().currentWatermark());
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
              counts.purchases,
              counts.revenueMinor,
              counts.currency,
              versions.next()));
      counts.dirty = false;
      minutes.put(entry.getKey(), counts);
    }
  }
}
