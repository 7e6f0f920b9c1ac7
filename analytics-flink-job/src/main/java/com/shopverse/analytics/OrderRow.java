package com.shopverse.analytics;

/**
 * One order event as the pipeline keeps it: the envelope and, for {@code OrderPlaced}, its lines as
 * parallel arrays (Flink serializes arrays of basic types natively; a list of records would fall
 * back to Kryo). {@code amountMinor} is the order total ({@code OrderPlaced}) or the captured
 * amount ({@code OrderPaid}); {@code previousStatus} is set for {@code OrderCancelled}.
 */
public record OrderRow(
    String eventId,
    String type,
    String orderId,
    String userId,
    long eventTimeMs,
    String[] productIds,
    int[] quantities,
    long[] unitPricesMinor,
    long amountMinor,
    String currency,
    String previousStatus) {

  public static final String PLACED = "OrderPlaced";
  public static final String PAID = "OrderPaid";
  public static final String CANCELLED = "OrderCancelled";

  /** Whether the purchase logic needs it (shipped and delivered change nothing there). */
  public boolean affectsPurchases() {
    return PLACED.equals(type) || PAID.equals(type) || CANCELLED.equals(type);
  }
}
