package com.shopverse.ops.functions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.shopverse.events.order.OrderCancelled;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.events.order.OrderPlaced;
import com.shopverse.ops.OpsMetrics;
import com.shopverse.ops.SeriesEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * One {@code order-events} record into series {@code orders} (OrderPlaced) or {@code
 * orders.cancelled} (OrderCancelled); other order events count in no series. A failed checkout
 * writes no event today (it is refused before an order exists), so there is no {@code
 * checkout.failures} series yet. Unreadable records are counted and skipped.
 */
public class ParseOrders extends RichFlatMapFunction<String, SeriesEvent> {

  public static final String ORDERS = "orders";
  public static final String ORDERS_CANCELLED = "orders.cancelled";

  private transient ObjectMapper json;
  private transient Counter malformed;

  @Override
  public void open(OpenContext context) {
    json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    malformed =
        getRuntimeContext()
            .getMetricGroup()
            .addGroup(OpsMetrics.GROUP)
            .counter(OpsMetrics.MALFORMED);
  }

  @Override
  public void flatMap(String value, Collector<SeriesEvent> out) {
    OrderEvent event;
    try {
      event = json.readValue(value, OrderEvent.class);
    } catch (Exception e) {
      malformed.inc();
      return;
    }
    if (event == null || event.occurredAt() == null) {
      malformed.inc();
      return;
    }
    long time = event.occurredAt().toEpochMilli();
    if (event instanceof OrderPlaced) {
      out.collect(new SeriesEvent(ORDERS, SeriesEvent.AGGREGATE, time));
    } else if (event instanceof OrderCancelled) {
      out.collect(new SeriesEvent(ORDERS_CANCELLED, SeriesEvent.AGGREGATE, time));
    }
  }
}
