package com.shopverse.events.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A product was created, updated or deactivated: the whole product as it is after the change (a
 * consumer needs no earlier event to know the current state).
 *
 * @param change what happened
 * @param priceMinor price in minor units (cents) of {@code currency}
 * @param version the product's version after the change (its {@code ETag}); a consumer may ignore
 *     an event older than the version it has
 */
public record ProductChanged(
    UUID eventId,
    Instant occurredAt,
    int schemaVersion,
    Change change,
    String productId,
    String sku,
    String name,
    String categoryId,
    long priceMinor,
    String currency,
    boolean active,
    int stock,
    boolean inStock,
    long version)
    implements CatalogEvent {

  /** Names are part of the wire contract: never rename, only add. */
  public enum Change {
    CREATED,
    UPDATED,
    DEACTIVATED
  }
}
