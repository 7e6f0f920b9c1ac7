package com.shopverse.catalog.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stock held for a caller (order-service's checkout) until it confirms or releases it, or it
 * expires. Prices and names are snapshots taken when the stock was reserved.
 */
record Reservation(UUID reservationId, Status status, Instant expiresAt, List<Line> lines) {

  enum Status {
    RESERVED,
    CONFIRMED,
    RELEASED,
    /** Not confirmed in time; the sweeper gave its stock back. */
    EXPIRED
  }

  Reservation withLines(List<Line> lines) {
    return new Reservation(reservationId, status, expiresAt, List.copyOf(lines));
  }

  record Line(String productId, int quantity, long unitPriceMinor, String currency, String name) {}
}
