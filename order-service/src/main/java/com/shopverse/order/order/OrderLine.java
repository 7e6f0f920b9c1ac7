package com.shopverse.order.order;

/** One product in an order, at the price it was reserved at. */
public record OrderLine(
    String productId, String name, int quantity, long unitPriceMinor, String currency) {

  public long totalMinor() {
    return Math.multiplyExact(unitPriceMinor, (long) quantity);
  }
}
