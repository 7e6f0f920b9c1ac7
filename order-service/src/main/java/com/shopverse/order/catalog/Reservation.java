package com.shopverse.order.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Stock held at catalog-service for one checkout, with the prices it was reserved at. */
public record Reservation(
    UUID reservationId, String status, Instant expiresAt, List<ReservedLine> lines) {

  /** One reserved product: the price snapshot the order keeps. */
  public record ReservedLine(
      String productId, int quantity, long unitPriceMinor, String currency, String name) {}

  /** One product and quantity to reserve. */
  public record Request(String productId, int quantity) {}
}
