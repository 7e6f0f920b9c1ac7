package com.shopverse.analytics.functions;

import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.ShopperItemRow;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.ShopperItem;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by (shopper, product): keeps what the shopper did with the product (the model's {@link
 * ShopperItem}) and upserts it at most once per flush interval. Items untouched for {@code
 * retention} are dropped from state (the last row stays in ClickHouse, where its decayed score has
 * faded anyway). Keyed by the pair, not by shopper with a map of products, so a checkpoint's
 * copy-on-write copies one item, not a shopper's whole history (see {@link CoVisitationScores}).
 */
public class ShopperProfiles
    extends KeyedProcessFunction<Tuple2<String, String>, InteractionRow, ShopperItemRow> {

  private final ModelSettings model;
  private final Duration flushInterval;
  private final Duration retention;
  private transient ValueState<ShopperItem> item;
  private transient FlushSchedule flush;
  private transient RowVersions versions;

  public ShopperProfiles(ModelSettings model, Duration flushInterval, Duration retention) {
    this.model = model;
    this.flushInterval = flushInterval;
    this.retention = retention;
  }

  /** The key: the shopper (see {@link Shoppers#key}), then the product. */
  public static Tuple2<String, String> shopperProduct(InteractionRow row) {
    return Tuple2.of(Shoppers.key(row), row.productId());
  }

  @Override
  public void open(OpenContext context) {
    ValueStateDescriptor<ShopperItem> descriptor =
        new ValueStateDescriptor<>("item", ShopperItem.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    item = getRuntimeContext().getState(descriptor);
    flush = new FlushSchedule(getRuntimeContext(), flushInterval);
    versions = new RowVersions();
  }

  @Override
  public void processElement(InteractionRow row, Context ctx, Collector<ShopperItemRow> out)
      throws Exception {
    ShopperItem current = item.value();
    if (current == null) {
      current = new ShopperItem(row.productId());
    }
    if (current.add(Shoppers.type(row), row.categoryId(), row.eventTimeMs(), model)) {
      item.update(current);
      flush.request(ctx.timerService());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ShopperItemRow> out)
      throws Exception {
    flush.done(ctx.timerService());
    ShopperItem current = item.value();
    if (current != null) {
      out.collect(
          new ShopperItemRow(
              ctx.getCurrentKey().f0,
              current.productId,
              current.categoryId,
              current.score,
              current.lastType,
              current.lastMs,
              current.lastViewedMs,
              current.removedMs,
              current.purchased ? 1 : 0,
              versions.next()));
    }
  }
}
