package com.shopverse.catalog.inventory;

import com.shopverse.catalog.CatalogProperties;
import com.shopverse.catalog.Problems;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock reservations for order-service (scope {@code inventory}) and admins. See {@code
 * docs/catalog.md} for the contract.
 */
@RestController
class ReservationController {

  private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9-]{1,32}");

  private final Reservations reservations;
  private final CatalogProperties properties;

  ReservationController(Reservations reservations, CatalogProperties properties) {
    this.reservations = reservations;
    this.properties = properties;
  }

  @PostMapping("/api/catalog/reservations")
  ResponseEntity<Reservation> reserve(@RequestBody ReservationRequest request) {
    validate(request);
    Reservations.Outcome outcome = reservations.reserve(request.reservationId(), request.lines());
    if (!outcome.created()) {
      return ResponseEntity.ok(outcome.reservation());
    }
    return ResponseEntity.created(
            URI.create("/api/catalog/reservations/" + request.reservationId()))
        .body(outcome.reservation());
  }

  @PostMapping("/api/catalog/reservations/{id}/confirm")
  Reservation confirm(@PathVariable UUID id) {
    return reservations.confirm(id);
  }

  @PostMapping("/api/catalog/reservations/{id}/release")
  Reservation release(@PathVariable UUID id) {
    return reservations.release(id);
  }

  private void validate(ReservationRequest request) {
    if (request.reservationId() == null) {
      throw Problems.badField("validation", "reservationId", "is required (a UUID).");
    }
    List<ReservationRequest.Line> lines = request.lines();
    if (lines == null || lines.isEmpty()) {
      throw Problems.badField("validation", "lines", "needs at least one line.");
    }
    if (lines.size() > properties.maxReservationLines()) {
      throw Problems.badField(
          "validation", "lines", "must have at most " + properties.maxReservationLines() + ".");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      ReservationRequest.Line line = lines.get(i);
      String field = "lines[" + i + "]";
      if (line == null
          || line.productId() == null
          || !PRODUCT_ID.matcher(line.productId()).matches()) {
        throw Problems.badField("validation", field + ".productId", "is not a product id.");
      }
      if (!seen.add(line.productId())) {
        throw Problems.badField(
            "validation", field + ".productId", line.productId() + " appears twice.");
      }
      if (line.quantity() == null
          || line.quantity() < 1
          || line.quantity() > properties.maxReservationQuantity()) {
        throw Problems.badField(
            "validation",
            field + ".quantity",
            "must be between 1 and " + properties.maxReservationQuantity() + ".");
      }
    }
  }
}
