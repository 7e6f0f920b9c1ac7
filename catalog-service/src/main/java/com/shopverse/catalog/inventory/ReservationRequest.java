package com.shopverse.catalog.inventory;

import java.util.List;
import java.util.UUID;

/**
 * What to reserve. The caller chooses {@code reservationId} (a UUID), so a retry of the same
 * request finds the reservation it already made.
 */
record ReservationRequest(UUID reservationId, List<Line> lines) {

  record Line(String productId, Integer quantity) {}
}
