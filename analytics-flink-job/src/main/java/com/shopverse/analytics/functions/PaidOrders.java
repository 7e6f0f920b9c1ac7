package com.shopverse.analytics.functions;

import com.shopverse.analytics.OrderRow;
import com.shopverse.analytics.PaidLine;
import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by order id: a purchase is a <em>paid</em> order. Keeps an {@code OrderPlaced}'s lines
 * until its {@code OrderPaid}, then emits each line once, timed by the payment. Either may arrive
 * first (the outbox publishes at least once, and a re-publish can come late). An order cancelled
 * before it was paid is never counted; a cancellation after payment does not take the purchase
 * back: the statistics count gross sales at the moment of payment (refunds are not modelled here).
 * Events are deduplicated by eventId before this, and the {@code counted} flag makes a second
 * {@code OrderPaid} with a new id harmless too. State lives for {@code retention} after its last
 * change.
 */
public class PaidOrders extends KeyedProcessFunction<String, OrderRow, PaidLine> {

  private final Duration retention;
  private transient ValueState<OrderState> order;

  public PaidOrders(Duration retention) {
    this.retention = retention;
  }

  @Override
  public void open(OpenContext context) {
    var descriptor = new ValueStateDescriptor<>("order", OrderState.class);
    descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention).build());
    order = getRuntimeContext().getState(descriptor);
  }

  @Override
  public void processElement(OrderRow row, Context ctx, Collector<PaidLine> out) throws Exception {
    OrderState state = order.value();
    if (state == null) {
      state = new OrderState();
    }
    if (state.counted) {
      return;
    }
    switch (row.type()) {
      case OrderRow.PLACED -> {
        state.userId = row.userId();
        state.productIds = row.productIds();
        state.quantities = row.quantities();
        state.unitPricesMinor = row.unitPricesMinor();
        state.currency = row.currency();
      }
      case OrderRow.PAID -> {
        state.paidMs = row.eventTimeMs();
        state.paidCurrency = row.currency();
        if (state.userId == null) {
          state.userId = row.userId();
        }
      }
      // Cancelled from PENDING: never paid, never counted (even if a stray OrderPaid follows).
      // Cancelled from PAID: the purchase stands, whichever of the two arrives first.
      case OrderRow.CANCELLED -> state.cancelled = !"PAID".equals(row.previousStatus());
      default -> {
        return;
      }
    }
    if (state.placed() && state.paidMs > 0 && !state.cancelled) {
      emit(ctx.getCurrentKey(), state, out);
      // Only the fact that it was counted is kept, so a late duplicate is ignored.
      OrderState counted = new OrderState();
      counted.counted = true;
      state = counted;
    }
    order.update(state);
  }

  private static void emit(String orderId, OrderState state, Collector<PaidLine> out) {
    String currency = state.currency != null ? state.currency : state.paidCurrency;
    for (int i = 0; i < state.productIds.length; i++) {
      out.collect(
          new PaidLine(
              orderId,
              i,
              state.userId,
              state.productIds[i],
              state.quantities[i],
              state.unitPricesMinor[i],
              currency,
              state.paidMs));
    }
  }
}
