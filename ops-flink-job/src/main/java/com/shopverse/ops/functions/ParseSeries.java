package com.shopverse.ops.functions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.shopverse.events.InteractionEvent;
import com.shopverse.events.auth.AuthEvent;
import com.shopverse.events.order.OrderEvent;
import com.shopverse.ops.OpsMetrics;
import com.shopverse.ops.SeriesEvent;
import java.io.Serializable;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * One Kafka record as the topic's event type, into the series it counts in. A record that cannot be
 * read — malformed JSON, an unknown type, or without what its series need — is counted ({@code
 * shopverse.records_malformed}) and skipped: it never stops the job. What each topic counts in is
 * its {@link Series}.
 */
public final class ParseSeries<E> extends RichFlatMapFunction<String, SeriesEvent> {

  /** Which series one topic's events count in. */
  interface Series<E> extends Serializable {

    /** Whether the event has what its series need; one that has not is counted as malformed. */
    boolean readable(E event);

    /** The series events of a readable event (none for an event no series counts). */
    void emit(E event, Collector<SeriesEvent> out);
  }

  private final Class<E> eventType;
  private final Series<E> series;
  private transient ObjectMapper json;
  private transient Counter malformed;

  /** Reads records as {@code eventType} into the series {@code series} says. */
  private ParseSeries(Class<E> eventType, Series<E> series) {
    this.eventType = eventType;
    this.series = series;
  }

  /** {@code user-interactions} records: see {@link InteractionSeries}. */
  public static ParseSeries<InteractionEvent> interactions() {
    return new ParseSeries<>(InteractionEvent.class, new InteractionSeries());
  }

  /** {@code order-events} records: see {@link OrderSeries}. */
  public static ParseSeries<OrderEvent> orders() {
    return new ParseSeries<>(OrderEvent.class, new OrderSeries());
  }

  /** {@code auth-events} records: see {@link AuthSeries}. */
  public static ParseSeries<AuthEvent> auth() {
    return new ParseSeries<>(AuthEvent.class, new AuthSeries());
  }

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
    E event;
    try {
      event = json.readValue(value, eventType);
    } catch (Exception e) {
      malformed.inc();
      return;
    }
    if (event == null || !series.readable(event)) {
      malformed.inc();
      return;
    }
    series.emit(event, out);
  }
}
