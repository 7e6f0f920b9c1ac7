package com.shopverse.events.order;

import java.time.Instant;
import java.util.UUID;

/**
 * An order was cancelled; its stock goes back to the catalog.
 *
 * @param previousStatus the status it was cancelled from ({@code PENDING} or {@code PAID})
 */
public record OrderCancelled(
    UUID eventId,
    Instant occurredAt,
    int schemaVersion,
    UUID orderId,
    String userId,
    String previousStatus)
    implements OrderEvent {}
