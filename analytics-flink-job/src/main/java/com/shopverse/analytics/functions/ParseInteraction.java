package com.shopverse.analytics.functions;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.RawInteraction;
import com.shopverse.events.InteractionEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Reads one Kafka record as an {@link InteractionEvent}, keeping the trace id its header carried. A
 * record that cannot be read goes to the {@link #MALFORMED} side output and is counted: it never
 * stops the job.
 */
public class ParseInteraction extends ProcessFunction<RawInteraction, InteractionRow> {

  /**
   * How far ahead of the server's clock a client's {@code occurredAt} may be. Beyond it the event
   * is timed by {@code receivedAt}: one skewed client must not push the watermark ahead and make
   * everyone else's events late.
   */
  public static final long MAX_CLOCK_SKEW_MS = 5 * 60_000L;

  public static final OutputTag<String> MALFORMED = new OutputTag<>("malformed-interactions") {};

  private transient ObjectMapper json;
  private transient Counter malformed;
  private transient Counter skewed;

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    json =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    malformed = getRuntimeContext().getMetricGroup().counter("interactionsMalformed");
    skewed = getRuntimeContext().getMetricGroup().counter("interactionsClockSkewed");
  }

  @Override
  public void processElement(RawInteraction record, Context ctx, Collector<InteractionRow> out) {
    String value = record.json();
    InteractionEvent event;
    try {
      event = json.readValue(value, InteractionEvent.class);
    } catch (Exception e) {
      malformed.inc();
      ctx.output(MALFORMED, value);
      return;
    }
    if (event.eventId() == null || event.type() == null || event.occurredAt() == null) {
      malformed.inc();
      ctx.output(MALFORMED, value);
      return;
    }
    InteractionRow row = toRow(event, record.traceId());
    if (row.eventTimeMs() != row.occurredMs()) {
      skewed.inc();
    }
    out.collect(row);
  }

  static InteractionRow toRow(InteractionEvent e, String traceId) {
    Instant occurred = e.occurredAt();
    long occurredMs = occurred.toEpochMilli();
    long receivedMs = e.receivedAt() != null ? e.receivedAt().toEpochMilli() : 0L;
    long eventTimeMs =
        receivedMs > 0 && occurredMs > receivedMs + MAX_CLOCK_SKEW_MS ? receivedMs : occurredMs;
    return new InteractionRow(
        e.eventId().toString(),
        e.type().name(),
        e.schemaVersion(),
        occurred.atOffset(ZoneOffset.UTC).toLocalDate().toString(),
        occurred.getEpochSecond(),
        occurredMs,
        receivedMs,
        e.userId(),
        e.anonymousId(),
        e.sessionId(),
        e.productId(),
        e.categoryId(),
        e.quantity(),
        e.priceMinor(),
        e.currency(),
        e.query(),
        e.source() != null ? e.source().wireName() : null,
        traceId,
        eventTimeMs);
  }
}
