package com.shopverse.analytics.functions;

import com.shopverse.analytics.CatalogRow;
import com.shopverse.analytics.ProductRow;
import com.shopverse.analytics.metrics.ShopverseMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by product id: the product dimension. A {@code ProductChanged} carries the whole product
 * and its catalog version; it applies unless the job already holds a higher version (an older event
 * arriving late, e.g. a re-publish of the outbox, is ignored and counted in {@code
 * shopverse.stale_catalog_events}). A {@code StockChanged} carries no product version (stock moves
 * do not bump it), so stock is ordered by event time instead: whichever event, of either type,
 * happened last sets stock and in-stock. catalog-service takes a change's time while it holds the
 * product's row lock, so one product's events are timed in commit order.
 *
 * <p>Every applied change writes the whole row with a rising row version, so ClickHouse's
 * ReplacingMergeTree keeps the newest, and a replay after a crash (state and offsets rewound
 * together) converges to the same row. State is kept without expiry: one small object per product
 * of the catalog.
 */
public class ProductDimension extends KeyedProcessFunction<String, CatalogRow, ProductRow> {

  private transient ValueState<ProductState> product;
  private transient RowVersions versions;
  private transient Counter stale;

  @Override
  public void open(OpenContext context) {
    product =
        getRuntimeContext().getState(new ValueStateDescriptor<>("product", ProductState.class));
    versions = new RowVersions();
    stale =
        ShopverseMetrics.of(getRuntimeContext().getMetricGroup())
            .counter(ShopverseMetrics.STALE_CATALOG_EVENTS);
  }

  @Override
  public void processElement(CatalogRow row, Context ctx, Collector<ProductRow> out)
      throws Exception {
    ProductState state = product.value();
    if (state == null) {
      state = new ProductState();
    }
    boolean changed = false;
    if (row.isProductChange()) {
      if (row.productVersion() < state.productVersion) {
        stale.inc();
        return;
      } else {
        state.sku = nonNull(row.sku());
        state.name = nonNull(row.name());
        state.categoryId = nonNull(row.categoryId());
        state.priceMinor = row.priceMinor();
        state.currency = nonNull(row.currency());
        state.active = row.active();
        state.productVersion = row.productVersion();
        changed = true;
      }
    }
    if (row.eventTimeMs() >= state.stockMs) {
      state.stock = row.stock();
      state.inStock = row.inStock();
      state.stockMs = row.eventTimeMs();
      changed = true;
    } else if (!row.isProductChange()) {
      stale.inc();
    }
    if (!changed) {
      return;
    }
    state.updatedMs = Math.max(state.updatedMs, row.eventTimeMs());
    product.update(state);
    out.collect(
        new ProductRow(
            ctx.getCurrentKey(),
            state.sku,
            state.name,
            state.categoryId,
            state.priceMinor,
            state.currency,
            state.active ? 1 : 0,
            state.stock,
            state.inStock ? 1 : 0,
            state.productVersion,
            state.stockMs,
            state.updatedMs / 1000,
            state.updatedMs,
            versions.next()));
  }

  private static String nonNull(String value) {
    return value == null ? "" : value;
  }
}
