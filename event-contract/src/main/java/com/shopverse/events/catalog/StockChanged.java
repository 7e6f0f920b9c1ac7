package com.shopverse.events.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A product's stock changed: an admin adjusted it, or a reservation took or gave back units.
 *
 * @param delta units added (positive) or taken (negative)
 * @param stock units on hand after the change
 * @param reservationId the reservation that caused it, for {@code RESERVED}, {@code RELEASED} and
 *     {@code EXPIRED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockChanged(
    UUID eventId,
    Instant occurredAt,
    int schemaVersion,
    String productId,
    int delta,
    int stock,
    boolean inStock,
    Reason reason,
    UUID reservationId)
    implements CatalogEvent {

  /** Names are part of the wire contract: never rename, only add. */
  public enum Reason {
    ADJUSTED,
    RESERVED,
    RELEASED,
    EXPIRED
  }
}
