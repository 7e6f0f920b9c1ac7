package com.shopverse.analytics.functions;

import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.ShopperItemRow;
import com.shopverse.analytics.metrics.ShopverseMetrics;
import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
import com.shopverse.recommendation.model.ShopperItem;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by (shopper, product): keeps what the shopper did with the product (the model's {@link
 * ShopperItem}) and upserts it at most once per flush interval. Items untouched for {@code
 * retention} are dropped from state (the last row stays in ClickHouse, where its decayed score has
 * faded anyway). Keyed by the pair, not by shopper with a map of products, so a checkpoint's
 * copy-on-write copies one item, not a shopper's whole history (see {@link CoVisitationScores}).
 *
 * <p>The second input is the bot flags (see {@link BotFlags}). When a shopper is newly flagged,
 * every item of the shopper still in state is rewritten empty (score 0, no last interaction): its
 * profile no longer says what it likes. Only "already bought" is kept, since it comes from paid
 * orders (the server's truth), and paid lines keep arriving for a flagged user; its interactions
 * that were already on their way past the {@link BotFilter} are dropped here.
 */
public class ShopperProfiles
    extends KeyedBroadcastProcessFunction<
        Tuple2<String, String>, InteractionRow, BotFlag, ShopperItemRow> {

  private final ModelSettings model;
  private final Duration flushInterval;
  private final Duration retention;
  private transient ValueStateDescriptor<ShopperItem> itemDescriptor;
  private transient ValueState<ShopperItem> item;
  private transient FlushSchedule flush;
  private transient RowVersions versions;
  private transient Counter retracted;

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
    itemDescriptor = new ValueStateDescriptor<>("item", ShopperItem.class);
    itemDescriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    item = getRuntimeContext().getState(itemDescriptor);
    flush = new FlushSchedule(getRuntimeContext(), flushInterval);
    versions = new RowVersions();
    retracted =
        ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
            .counter(ShopverseMetrics.BOT_ROWS_RETRACTED);
  }

  @Override
  public void processElement(InteractionRow row, ReadOnlyContext ctx, Collector<ShopperItemRow> out)
      throws Exception {
    // A PURCHASED here is a paid order line: client purchases never reach this operator.
    if (Shoppers.type(row) != InteractionType.PURCHASED
        && BotFlags.flagged(ctx.getBroadcastState(BotFlags.DESCRIPTOR), row)) {
      return;
    }
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
      out.collect(row(ctx.getCurrentKey().f0, current));
    }
  }

  @Override
  public void processBroadcastElement(BotFlag flag, Context ctx, Collector<ShopperItemRow> out)
      throws Exception {
    if (!BotFlags.remember(ctx.getBroadcastState(BotFlags.DESCRIPTOR), flag)) {
      return;
    }
    ctx.applyToKeyedState(
        itemDescriptor,
        (key, state) -> {
          ShopperItem current = state.value();
          if (current == null || !BotFlags.isKeyOf(key.f0, flag.shopper())) {
            return;
          }
          ShopperItem emptied = new ShopperItem(current.productId);
          emptied.purchased = current.purchased;
          if (emptied.purchased) {
            state.update(emptied);
          } else {
            state.clear();
          }
          retracted.inc();
          out.collect(row(key.f0, emptied));
        });
  }

  private ShopperItemRow row(String shopper, ShopperItem current) {
    return new ShopperItemRow(
        shopper,
        current.productId,
        current.categoryId,
        current.score,
        current.lastType,
        current.lastMs,
        current.lastViewedMs,
        current.removedMs,
        current.purchased ? 1 : 0,
        versions.next());
  }
}
