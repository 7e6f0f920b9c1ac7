package com.shopverse.events.order;

import java.time.Instant;
import java.util.UUID;

/** An order left the warehouse. */
public record OrderShipped(
    UUID eventId, Instant occurredAt, int schemaVersion, UUID orderId, String userId)
    implements OrderEvent {}
