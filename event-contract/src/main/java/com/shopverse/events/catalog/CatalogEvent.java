package com.shopverse.events.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * A change of the catalog on topic {@code catalog-events}, keyed by {@link #productId()} so the
 * changes of one product stay in order. The JSON carries {@code type} ({@code ProductChanged},
 * {@code StockChanged}) beside the envelope ({@code eventId}, {@code occurredAt}, {@code
 * schemaVersion}). Documented in {@code docs/events.md}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ProductChanged.class, name = "ProductChanged"),
  @JsonSubTypes.Type(value = StockChanged.class, name = "StockChanged")
})
public sealed interface CatalogEvent permits ProductChanged, StockChanged {

  int SCHEMA_VERSION = 1;

  /** Unique per event; consumers deduplicate by it (the outbox publishes at least once). */
  UUID eventId();

  /** When catalog-service committed the change. */
  Instant occurredAt();

  int schemaVersion();

  /** The Kafka key. */
  String productId();
}
