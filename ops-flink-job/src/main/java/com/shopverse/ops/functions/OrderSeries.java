package com.shopverse.ops.functions;

import com.shopverse.events.order.CheckoutFailed;
import com.shopverse.events.order.OrderCancelled;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPlaced;
import com.shopverse.ops.SeriesEvent;
import org.apache.flink.util.Collector;

/**
 * One {@code order-events} record into series {@code orders} (OrderPlaced), {@code
 * orders.cancelled} (OrderCancelled) or {@code checkout.failures} (CheckoutFailed: a checkout that
 * placed no order, whatever the reason); other order events count in no series. A record without
 * occurredAt is malformed ({@link ParseSeries}).
 */
public final class OrderSeries implements ParseSeries.Series<OrderEvent> {

  public static final String ORDERS = "orders";
  public static final String ORDERS_CANCELLED = "orders.cancelled";
  public static final String CHECKOUT_FAILURES = "checkout.failures";

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
    } else if (event instanceof CheckoutFailed) {
      out.collect(new SeriesEvent(CHECKOUT_FAILURES, SeriesEvent.AGGREGATE, time));
    }
  }
}
