package com.shopverse.analytics.functions;

import com.shopverse.analytics.InteractionRow;
import com.shopverse.analytics.RawRecord;
import com.shopverse.events.InteractionEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * A record of {@code user-interactions} as an {@link InteractionEvent}, keeping the trace id its
 * header carried. It needs an eventId, type and occurredAt; a record without them (or unreadable)
 * becomes a dead letter ({@link ParseRecord}) and is also counted in {@code interactionsMalformed}.
 * Events whose client clock ran ahead are counted in {@code interactionsClockSkewed}.
 */
final class InteractionReading implements ParseRecord.Reading<InteractionEvent, InteractionRow> {

  /**
   * How far ahead of the server's clock a client's {@code occurredAt} may be. Beyond it the event
   * is timed by {@code receivedAt}: one skewed client must not push the watermark ahead and make
   * everyone else's events late.
   */
  static final long MAX_CLOCK_SKEW_MS = 5 * 60_000L;

  private transient Counter malformed;
  private transient Counter skewed;

  @Override
  public void open(MetricGroup operator) {
    malformed = operator.counter("interactionsMalformed");
    skewed = operator.counter("interactionsClockSkewed");
  }

  @Override
  public void refused() {
    malformed.inc();
  }

  @Override
  public String missing(InteractionEvent event) {
    return event.eventId() == null
        ? "eventId"
        : event.type() == null ? "type" : event.occurredAt() == null ? "occurredAt" : null;
  }

  @Override
  public InteractionRow toRow(InteractionEvent event, RawRecord record) {
    InteractionRow row = toRow(event, record.traceId());
    if (row.eventTimeMs() != row.occurredMs()) {
      skewed.inc();
    }
    return row;
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
