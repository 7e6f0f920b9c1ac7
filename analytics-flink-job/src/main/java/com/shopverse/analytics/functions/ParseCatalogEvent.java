package com.shopverse.analytics.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.shopverse.analytics.CatalogRow;
import com.shopverse.analytics.RawRecord;
import com.shopverse.events.catalog.CatalogEvent;
import com.shopverse.events.catalog.ProductChanged;
import com.shopverse.events.catalog.StockChanged;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one record of {@code catalog-events} as a {@link CatalogEvent} (polymorphic on {@code
 * type}). Malformed JSON, an unknown type or no eventId/occurredAt/productId goes to {@link
 * DeadLetters#TAG} and is counted; parsing is deterministic, so it is not retried.
 */
public class ParseCatalogEvent extends ProcessFunction<RawRecord, CatalogRow> {

  private transient ObjectMapper json;
  private transient DeadLetters deadLetters;

  @Override
  public void open(OpenContext context) {
    json = DeadLetters.json();
    deadLetters = new DeadLetters(getRuntimeContext());
  }

  @Override
  public void processElement(RawRecord record, Context ctx, Collector<CatalogRow> out) {
    CatalogEvent event;
    try {
      event = json.readValue(record.value(), CatalogEvent.class);
    } catch (Exception e) {
      ctx.output(DeadLetters.TAG, deadLetters.refuse(record, DeadLetters.reason(e)));
      return;
    }
    String missing =
        event == null
            ? "value"
            : event.eventId() == null
                ? "eventId"
                : event.occurredAt() == null
                    ? "occurredAt"
                    : event.productId() == null || event.productId().isEmpty() ? "productId" : null;
    if (missing != null) {
      ctx.output(DeadLetters.TAG, deadLetters.refuse(record, DeadLetters.missing(missing)));
      return;
    }
    out.collect(toRow(event));
  }

  static CatalogRow toRow(CatalogEvent e) {
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
