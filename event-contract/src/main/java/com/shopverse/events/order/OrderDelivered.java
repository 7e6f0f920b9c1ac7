package com.shopverse.events.order;

import java.time.Instant;
import java.util.UUID;

/** An order reached the shopper. */
public record OrderDelivered(
    UUID eventId, Instant occurredAt, int schemaVersion, UUID orderId, String userId)
    implements OrderEvent {}
