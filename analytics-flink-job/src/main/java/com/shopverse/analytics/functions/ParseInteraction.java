package com.shopverse.analytics.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.RawRecord;
import com.shopverse.events.InteractionEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one Kafka record as an {@link InteractionEvent}, keeping the trace id its header carried. A
 * record that cannot be read (malformed JSON, an unknown type, no eventId/type/occurredAt) goes to
 * the {@link DeadLetters#TAG} side output and is counted ({@code interactionsMalformed} and {@code
 * shopverse.dead_letters}): it never stops the job, and is not retried, since parsing the same
 * bytes fails the same way every time.
 */
public class ParseInteraction extends ProcessFunction<RawRecord, InteractionRow> {

  /**
   * How far ahead of the server's clock a client's {@code occurredAt} may be. Beyond it the event
   * is timed by {@code receivedAt}: one skewed client must not push the watermark ahead and make
   * everyone else's events late.
   */
  public static final long MAX_CLOCK_SKEW_MS = 5 * 60_000L;

  private transient ObjectMapper json;
  private transient Counter malformed;
  private transient Counter skewed;
  private transient DeadLetters deadLetters;

  @Override
  public void open(org.apache.flink.api.common.functions.OpenContext context) {
    json = DeadLetters.json();
    deadLetters = new DeadLetters(getRuntimeContext());
    malformed = getRuntimeContext().getMetricGroup().counter("interactionsMalformed");
    skewed = getRuntimeContext().getMetricGroup().counter("interactionsClockSkewed");
  }

  @Override
  public void processElement(RawRecord record, Context ctx, Collector<InteractionRow> out) {
    InteractionEvent event;
    try {
      event = json.readValue(record.value(), InteractionEvent.class);
    } catch (Exception e) {
      refuse(record, DeadLetters.reason(e), ctx);
      return;
    }
    String missing =
        event == null
            ? "value"
            : event.eventId() == null
                ? "eventId"
                : event.type() == null ? "type" : event.occurredAt() == null ? "occurredAt" : null;
    if (missing != null) {
      refuse(record, DeadLetters.missing(missing), ctx);
      return;
    }
    InteractionRow row = toRow(event, record.traceId());
    if (row.eventTimeMs() != row.occurredMs()) {
      skewed.inc();
    }
    out.collect(row);
  }

  private void refuse(RawRecord record, String reason, Context ctx) {
    malformed.inc();
    ctx.output(DeadLetters.TAG, deadLetters.refuse(record, reason));
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
