package com.shopverse.analytics;

/**
 * One catalog event as the pipeline keeps it. {@code ProductChanged} fills every field, with {@code
 * productVersion} the product's version (its ETag); {@code StockChanged} fills only the stock
 * fields and has {@code productVersion} -1 (a stock change does not bump the product's version).
 */
public record CatalogRow(
    String eventId,
    String type,
    String productId,
    long eventTimeMs,
    String sku,
    String name,
    String categoryId,
    long priceMinor,
    String currency,
    boolean active,
    int stock,
    boolean inStock,
    long productVersion) {

  public static final String PRODUCT_CHANGED = "ProductChanged";
  public static final String STOCK_CHANGED = "StockChanged";

  public boolean isProductChange() {
    return PRODUCT_CHANGED.equals(type);
  }
}
