package com.shopverse.ops.functions;

import com.shopverse.events.InteractionEvent;
import com.shopverse.events.InteractionType;
import com.shopverse.ops.SeriesEvent;
import org.apache.flink.util.Collector;

/**
 * One {@code user-interactions} record into the series it counts in: {@code events.<TYPE>} and
 * {@code events.all} (aggregates), {@code shopper.events} keyed by the shopper, and {@code
 * product.views} keyed by the product for a view. A record without a type or occurredAt is
 * malformed ({@link ParseSeries}).
 */
public final class InteractionSeries implements ParseSeries.Series<InteractionEvent> {

  public static final String ALL_EVENTS = "events.all";
  public static final String SHOPPER_EVENTS = "shopper.events";
  public static final String PRODUCT_VIEWS = "product.views";

  /** As in the analytics job: a client clock this far ahead is not trusted. */
  static final long MAX_CLOCK_SKEW_MS = 5 * 60_000L;

  @Override
  public boolean readable(InteractionEvent event) {
    return event.type() != null && event.occurredAt() != null;
  }

  @Override
  public void emit(InteractionEvent event, Collector<SeriesEvent> out) {
    long time = eventTime(event);
    out.collect(new SeriesEvent("events." + event.type().name(), SeriesEvent.AGGREGATE, time));
    out.collect(new SeriesEvent(ALL_EVENTS, SeriesEvent.AGGREGATE, time));
    String shopper = event.shopperKey();
    if (shopper != null && !shopper.isBlank()) {
      out.collect(new SeriesEvent(SHOPPER_EVENTS, shopper, time));
    }
    if (event.type() == InteractionType.PRODUCT_VIEWED && event.productId() != null) {
      out.collect(new SeriesEvent(PRODUCT_VIEWS, event.productId(), time));
    }
  }

  static long eventTime(InteractionEvent e) {
    long occurred = e.occurredAt().toEpochMilli();
    long received = e.receivedAt() != null ? e.receivedAt().toEpochMilli() : 0L;
    return received > 0 && occurred > received + MAX_CLOCK_SKEW_MS ? received : occurred;
  }
}
