package com.shopverse.analytics.functions;

import com.shopverse.analytics.CatalogRow;
import com.shopverse.analytics.RawRecord;
import com.shopverse.events.catalog.CatalogEvent;
import com.shopverse.events.catalog.ProductChanged;
import com.shopverse.events.catalog.StockChanged;

/**
 * A record of {@code catalog-events} as a {@link CatalogEvent} (polymorphic on {@code type}). It
 * needs an eventId, occurredAt and productId; a record without them becomes a dead letter ({@link
 * ParseRecord}).
 */
final class CatalogReading implements ParseRecord.Reading<CatalogEvent, CatalogRow> {

  @Override
  public String missing(CatalogEvent event) {
    return event.eventId() == null
        ? "eventId"
        : event.occurredAt() == null
            ? "occurredAt"
            : event.productId() == null || event.productId().isEmpty() ? "productId" : null;
  }

  @Override
  public CatalogRow toRow(CatalogEvent e, RawRecord record) {
    long at = e.occurredAt().toEpochMilli();
    if (e instanceof ProductChanged p) {
      return new CatalogRow(
          p.eventId().toString(),
          CatalogRow.PRODUCT_CHANGED,
          p.productId(),
          at,
          p.sku(),
          p.name(),
          p.categoryId(),
          p.priceMinor(),
          p.currency(),
          p.active(),
          p.stock(),
          p.inStock(),
          p.version());
    }
    StockChanged s = (StockChanged) e;
    return new CatalogRow(
        s.eventId().toString(),
        CatalogRow.STOCK_CHANGED,
        s.productId(),
        at,
        null,
        null,
        null,
        0,
        null,
        false,
        s.stock(),
        s.inStock(),
        -1);
  }
}
