package com.shopverse.analytics.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopverse.analytics.OrderRow;
import com.shopverse.analytics.RawRecord;
import com.shopverse.events.order.OrderCancelled;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPaid;
import com.shopverse.events.order.OrderPlaced;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one record of {@code order-events} as an {@link OrderEvent} (polymorphic on {@code type}).
 * What cannot be read — malformed JSON, an unknown type, no eventId/occurredAt/orderId, a placed
 * order without lines or a line without a product — goes to {@link DeadLetters#TAG} and is counted;
 * parsing is deterministic, so it is not retried and never holds the partition up.
 */
public class ParseOrderEvent extends ProcessFunction<RawRecord, OrderRow> {

  private transient ObjectMapper json;
  private transient DeadLetters deadLetters;

  @Override
  public void open(OpenContext context) {
    json = DeadLetters.json();
    deadLetters = new DeadLetters(getRuntimeContext());
  }

  @Override
  public void processElement(RawRecord record, Context ctx, Collector<OrderRow> out) {
    OrderEvent event;
    try {
      event = json.readValue(record.value(), OrderEvent.class);
    } catch (Exception e) {
      ctx.output(DeadLetters.TAG, deadLetters.refuse(record, DeadLetters.reason(e)));
      return;
    }
    String missing = missing(event);
    if (missing != null) {
      ctx.output(DeadLetters.TAG, deadLetters.refuse(record, DeadLetters.missing(missing)));
      return;
    }
    out.collect(toRow(event));
  }

  private static String missing(OrderEvent e) {
    if (e == null) {
      return "value";
    }
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

  static OrderRow toRow(OrderEvent e) {
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
