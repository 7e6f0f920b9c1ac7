package com.shopverse.events.order;

import java.time.Instant;
import java.util.UUID;

/**
 * A checkout ran and placed no order. {@code orderId} is the id the attempt would have given its
 * order: no order with it exists, so consumers that follow orders ignore this type. It is the
 * operations job's {@code checkout.failures} series: a burst of them is an incident (a declining
 * payment provider, a catalog that is down) before shoppers report it.
 *
 * @param reason as {@code shopverse_checkout_failures_total}'s tag: {@code out_of_stock}, {@code
 *     payment_declined}, {@code payment_timeout}, {@code catalog_unavailable}, {@code empty_cart},
 *     {@code other}
 * @param status the HTTP status the shopper got
 */
public record CheckoutFailed(
    UUID eventId,
    Instant occurredAt,
    int schemaVersion,
    UUID orderId,
    String userId,
    String reason,
    int status)
    implements OrderEvent {}
