package com.shopverse.analytics.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopverse.analytics.CatalogRow;
import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.OrderRow;
import com.shopverse.analytics.RawRecord;
import com.shopverse.events.InteractionEvent;
import com.shopverse.events.catalog.CatalogEvent;
import com.shopverse.events.order.OrderEvent;
import java.io.Serializable;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one Kafka record of a topic as the topic's event type and makes its row. A record that
 * cannot be read — malformed JSON, an unknown type, a required field missing — goes to the {@link
 * DeadLetters#TAG} side output and is counted ({@code shopverse.dead_letters}): it never stops the
 * job, and is not retried, since parsing the same bytes fails the same way every time. What each
 * topic requires and makes is its {@link Reading}.
 */
public final class ParseRecord<E, R> extends ProcessFunction<RawRecord, R>
    implements ResultTypeQueryable<R> {

  /** What one topic's events must hold and the row each becomes. */
  interface Reading<E, R> extends Serializable {

    /** The first required field {@code event} lacks, or null when it has them all. */
    String missing(E event);

    /** The row of a complete event; {@code record} carries its trace id. */
    R toRow(E event, RawRecord record);

    /** Registers the topic's own metrics on the parse operator, if it has any. */
    default void open(MetricGroup operator) {}

    /** Called for each refused record, besides the dead-letter count. */
    default void refused() {}
  }

  private final Class<E> eventType;
  private final Class<R> rowType;
  private final Reading<E, R> reading;
  private transient ObjectMapper json;
  private transient DeadLetters deadLetters;

  /**
   * Reads records as {@code eventType} (polymorphic on {@code type} where the contract has many)
   * into {@code rowType} rows.
   */
  private ParseRecord(Class<E> eventType, Class<R> rowType, Reading<E, R> reading) {
    this.eventType = eventType;
    this.rowType = rowType;
    this.reading = reading;
  }

  /** {@code user-interactions} records as {@link InteractionEvent}s. */
  public static ParseRecord<InteractionEvent, InteractionRow> interactions() {
    return new ParseRecord<>(
        InteractionEvent.class, InteractionRow.class, new InteractionReading());
  }

  /** {@code order-events} records as {@link OrderEvent}s. */
  public static ParseRecord<OrderEvent, OrderRow> orders() {
    return new ParseRecord<>(OrderEvent.class, OrderRow.class, new OrderReading());
  }

  /** {@code catalog-events} records as {@link CatalogEvent}s. */
  public static ParseRecord<CatalogEvent, CatalogRow> catalog() {
    return new ParseRecord<>(CatalogEvent.class, CatalogRow.class, new CatalogReading());
  }

  @Override
  public void open(OpenContext context) {
    json = DeadLetters.json();
    deadLetters = new DeadLetters(getRuntimeContext());
    reading.open(getRuntimeContext().getMetricGroup());
  }

  @Override
  public void processElement(RawRecord record, Context ctx, Collector<R> out) {
    E event;
    try {
      event = json.readValue(record.value(), eventType);
    } catch (Exception e) {
      refuse(record, DeadLetters.reason(e), ctx);
      return;
    }
    String missing = event == null ? "value" : reading.missing(event);
    if (missing != null) {
      refuse(record, DeadLetters.missing(missing), ctx);
      return;
    }
    out.collect(reading.toRow(event, record));
  }

  private void refuse(RawRecord record, String reason, Context ctx) {
    reading.refused();
    ctx.output(DeadLetters.TAG, deadLetters.refuse(record, reason));
  }

  /** The row type, which erasure hides from Flink's type extraction. */
  @Override
  public TypeInformation<R> getProducedType() {
    return TypeInformation.of(rowType);
  }
}
