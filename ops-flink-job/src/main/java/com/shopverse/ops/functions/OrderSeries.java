package com.shopverse.ops.functions;

import com.shopverse.events.order.OrderCancelled;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPlaced;
import com.shopverse.ops.SeriesEvent;
import org.apache.flink.util.Collector;

/**
 * One {@code order-events} record into series {@code orders} (OrderPlaced) or {@code
 * orders.cancelled} (OrderCancelled); other order events count in no series. A failed checkout
 * writes no event today (it is refused before an order exists), so there is no {@code
 * checkout.failures} series yet. A record without occurredAt is malformed ({@link ParseSeries}).
 */
public final class OrderSeries implements ParseSeries.Series<OrderEvent> {

  public static final String ORDERS = "orders";
  public static final String ORDERS_CANCELLED = "orders.cancelled";

  @Override
  public boolean readable(OrderEvent event) {
    return event.occurredAt() != null;
  }

  @Override
  public void emit(OrderEvent event, Collector<SeriesEvent> out) {
    long time = event.occurredAt().toEpochMilli();
    if (event instanceof OrderPlaced) {
      out.collect(new SeriesEvent(ORDERS, SeriesEvent.AGGREGATE, time));
    } else if (event instanceof OrderCancelled) {
      out.collect(new SeriesEvent(ORDERS_CANCELLED, SeriesEvent.AGGREGATE, time));
    }
  }
}
