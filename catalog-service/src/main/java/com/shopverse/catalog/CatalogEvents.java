package com.shopverse.catalog;

import com.shopverse.events.Topics;
import com.shopverse.events.catalog.CatalogEvent;
import com.shopverse.events.catalog.StockChanged;
import com.shopverse.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Records catalog events in the outbox, in the caller's transaction: they reach {@code
 * catalog-events} (keyed by product id) only if the change commits.
 */
@Component
public class CatalogEvents {

  private final Outbox outbox;
  private final Clock clock = Clock.systemUTC();

  CatalogEvents(Outbox outbox) {
    this.outbox = outbox;
  }

  public void record(CatalogEvent event) {
    outbox.append(Topics.CATALOG_EVENTS, event.productId(), event.eventId().toString(), event);
  }

  public void stockChanged(
      String productId, int delta, int stock, StockChanged.Reason reason, UUID reservationId) {
    record(
        new StockChanged(
            UUID.randomUUID(),
            now(),
            CatalogEvent.SCHEMA_VERSION,
            productId,
            delta,
            stock,
            stock > 0,
            reason,
            reservationId));
  }

  public Instant now() {
    return clock.instant();
  }
}
