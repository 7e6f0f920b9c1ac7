package com.shopverse.events.order;

import java.time.Instant;
import java.util.UUID;

/** The payment for an order was captured. */
public record OrderPaid(
    UUID eventId,
    Instant occurredAt,
    int schemaVersion,
    UUID orderId,
    String userId,
    String paymentId,
    long amountMinor,
    String currency)
    implements OrderEvent {}
