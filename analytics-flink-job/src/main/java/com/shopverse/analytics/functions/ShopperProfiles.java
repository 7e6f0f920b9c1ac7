package com.shopverse.analytics.functions;

import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.ShopperItemRow;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.ShopperItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by shopper: keeps what the shopper did with each product (the model's {@link ShopperItem})
 * and upserts each changed item at most once per flush interval. Items untouched for {@code
 * retention} are dropped from state (the last row stays in ClickHouse, where its decayed score has
 * faded anyway).
 */
public class ShopperProfiles extends KeyedProcessFunction<String, InteractionRow, ShopperItemRow> {

  private final ModelSettings model;
  private final Duration flushInterval;
  private final Duration retention;
  private transient MapState<String, ShopperItem> items;
  private transient MapState<String, Long> changed;
  private transient FlushSchedule flush;
  private transient RowVersions versions;

  public ShopperProfiles(ModelSettings model, Duration flushInterval, Duration retention) {
    this.model = model;
    this.flushInterval = flushInterval;
    this.retention = retention;
  }

  @Override
  public void open(OpenContext context) {
    MapStateDescriptor<String, ShopperItem> descriptor =
        new MapStateDescriptor<>("items", String.class, ShopperItem.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    items = getRuntimeContext().getMapState(descriptor);
    changed =
        getRuntimeContext()
            .getMapState(new MapStateDescriptor<>("changed", String.class, Long.class));
    flush = new FlushSchedule(getRuntimeContext(), flushInterval);
    versions = new RowVersions();
  }

  @Override
  public void processElement(InteractionRow row, Context ctx, Collector<ShopperItemRow> out)
      throws Exception {
    ShopperItem item = items.get(row.productId());
    if (item == null) {
      item = new ShopperItem(row.productId());
    }
    if (item.add(Shoppers.type(row), row.categoryId(), row.eventTimeMs(), model)) {
      items.put(row.productId(), item);
      changed.put(row.productId(), ctx.timerService().currentProcessingTime());
      flush.request(ctx.timerService());
    }
  }

  @Override
  public void onTimer(long timestamp, OnTimerContext ctx, Collector<ShopperItemRow> out)
      throws Exception {
    flush.done(ctx.timerService());
    List<String> products = new ArrayList<>();
    changed.keys().forEach(products::add);
    for (String product : products) {
      ShopperItem item = items.get(product);
      if (item != null) {
        out.collect(
            new ShopperItemRow(
                ctx.getCurrentKey(),
                item.productId,
                item.categoryId,
                item.score,
                item.lastType,
                item.lastMs,
                item.lastViewedMs,
                item.removedMs,
                item.purchased ? 1 : 0,
                versions.next()));
      }
    }
    changed.clear();
  }
}
