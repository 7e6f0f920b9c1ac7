package com.shopverse.events.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order was placed: its lines at the prices reserved at checkout.
 *
 * @param userId the shopper (the token's subject)
 * @param totalMinor the sum of the lines, in minor units of {@code currency}
 */
public record OrderPlaced(
    UUID eventId,
    Instant occurredAt,
    int schemaVersion,
    UUID orderId,
    String userId,
    List<Line> lines,
    long totalMinor,
    String currency)
    implements OrderEvent {

  public OrderPlaced {
    lines = List.copyOf(lines);
  }

  /** One product in the order, its quantity and unit price in minor units. */
  public record Line(String productId, int quantity, long unitPriceMinor) {}
}
