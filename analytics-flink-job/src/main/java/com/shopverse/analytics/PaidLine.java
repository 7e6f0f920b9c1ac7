package com.shopverse.analytics;

/**
 * One line of a paid order, emitted once when the order is paid: what the server sold, to whom, at
 * what unit price, timed by the payment ({@code OrderPaid.occurredAt}).
 */
public record PaidLine(
    String orderId,
    int line,
    String userId,
    String productId,
    int quantity,
    long unitPriceMinor,
    String currency,
    long eventTimeMs) {

  /** The line's revenue in minor units of {@code currency}. */
  public long revenueMinor() {
    return unitPriceMinor * Math.max(quantity, 0);
  }
}
