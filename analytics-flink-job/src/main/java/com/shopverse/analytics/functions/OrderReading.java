package com.shopverse.analytics.functions;

import com.shopverse.analytics.OrderRow;
import com.shopverse.analytics.RawRecord;
import com.shopverse.events.order.OrderCancelled;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPaid;
import com.shopverse.events.order.OrderPlaced;

/**
 * A record of {@code order-events} as an {@link OrderEvent} (polymorphic on {@code type}). It needs
 * an eventId, occurredAt and orderId; a placed order needs lines, each with a product. A record
 * without them becomes a dead letter ({@link ParseRecord}).
 */
final class OrderReading implements ParseRecord.Reading<OrderEvent, OrderRow> {

  @Override
  public String missing(OrderEvent e) {
    if (e.eventId() == null) {
      return "eventId";
    }
    if (e.occurredAt() == null) {
      return "occurredAt";
    }
    if (e.orderId() == null) {
      return "orderId";
    }
    if (e instanceof OrderPlaced placed) {
      if (placed.lines().isEmpty()) {
        return "lines";
      }
      for (OrderPlaced.Line line : placed.lines()) {
        if (line == null || line.productId() == null || line.productId().isEmpty()) {
          return "lines[].productId";
        }
      }
    }
    return null;
  }

  @Override
  public OrderRow toRow(OrderEvent e, RawRecord record) {
    String[] products = null;
    int[] quantities = null;
    long[] prices = null;
    long amount = 0;
    String currency = null;
    String previousStatus = null;
    if (e instanceof OrderPlaced placed) {
      int n = placed.lines().size();
      products = new String[n];
      quantities = new int[n];
      prices = new long[n];
      for (int i = 0; i < n; i++) {
        OrderPlaced.Line line = placed.lines().get(i);
        products[i] = line.productId();
        quantities[i] = line.quantity();
        prices[i] = line.unitPriceMinor();
      }
      amount = placed.totalMinor();
      currency = placed.currency();
    } else if (e instanceof OrderPaid paid) {
      amount = paid.amountMinor();
      currency = paid.currency();
    } else if (e instanceof OrderCancelled cancelled) {
      previousStatus = cancelled.previousStatus();
    }
    return new OrderRow(
        e.eventId().toString(),
        e.getClass().getSimpleName(),
        e.orderId().toString(),
        e.userId(),
        e.occurredAt().toEpochMilli(),
        products,
        quantities,
        prices,
        amount,
        currency,
        previousStatus);
  }
}
