package com.shopverse.analytics.functions;

import com.shopverse.analytics.BotFlag;
import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.metrics.ShopverseMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Lets through the interactions that may train the recommendations: every one but a flagged
 * shopper's (see {@link BotFlags}), which are counted in {@code shopverse.bot_events_excluded}. The
 * raw table is written before this filter, so it keeps the bots' events.
 *
 * <p>Broadcast rather than keyed by shopper: flags are few (a handful per bucket at most), every
 * subtask of the operators after it needs them too (retracting a shopper's profile reaches keys on
 * every subtask), and the interactions need no extra shuffle by shopper to reach it.
 */
public class BotFilter extends BroadcastProcessFunction<InteractionRow, BotFlag, InteractionRow> {

  private transient Counter excluded;

  @Override
  public void open(OpenContext context) {
    excluded =
        ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
            .counter(ShopverseMetrics.BOT_EVENTS_EXCLUDED);
  }

  @Override
  public void processElement(InteractionRow row, ReadOnlyContext ctx, Collector<InteractionRow> out)
      throws Exception {
    if (BotFlags.flagged(ctx.getBroadcastState(BotFlags.DESCRIPTOR), row)) {
      excluded.inc();
    } else {
      out.collect(row);
    }
  }

  @Override
  public void processBroadcastElement(BotFlag flag, Context ctx, Collector<InteractionRow> out)
      throws Exception {
    BotFlags.remember(ctx.getBroadcastState(BotFlags.DESCRIPTOR), flag);
  }
}
