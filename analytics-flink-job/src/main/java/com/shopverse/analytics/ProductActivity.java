package com.shopverse.analytics;

/**
 * What the per-minute product statistics count, from all three sources: a shopper's interaction
 * ({@link #VIEW}, {@link #CLICK}, {@link #CART}, {@link #REMOVE}), a paid order line ({@link
 * #PURCHASE}, with its revenue), or the catalog's category of the product ({@link #CATEGORY},
 * counted nowhere: it labels the product's rows). Plain fields, so Flink serializes it as a POJO.
 */
public record ProductActivity(
    String productId,
    String kind,
    String categoryId,
    long quantity,
    long revenueMinor,
    String currency,
    long eventTimeMs) {

  public static final String VIEW = "VIEW";
  public static final String CLICK = "CLICK";
  public static final String CART = "CART";
  public static final String REMOVE = "REMOVE";
  public static final String PURCHASE = "PURCHASE";
  public static final String CATEGORY = "CATEGORY";

  /**
   * The activity of an interaction, or null for a type not counted per minute: searches, unknown
   * types, and a client's {@code PURCHASED}, which stays in the raw table but is no purchase (a
   * client cannot inflate them; purchases come from paid orders).
   */
  public static ProductActivity of(InteractionRow row) {
    if (row.productId() == null || row.productId().isEmpty()) {
      return null;
    }
    String kind =
        switch (row.type()) {
          case "PRODUCT_VIEWED" -> VIEW;
          case "PRODUCT_CLICKED" -> CLICK;
          case "ADDED_TO_CART" -> CART;
          case "REMOVED_FROM_CART" -> REMOVE;
          default -> null;
        };
    if (kind == null) {
      return null;
    }
    long quantity = row.quantity() != null && row.quantity() > 0 ? row.quantity() : 1;
    return new ProductActivity(
        row.productId(), kind, row.categoryId(), quantity, 0, null, row.eventTimeMs());
  }

  public static ProductActivity of(PaidLine line) {
    return new ProductActivity(
        line.productId(),
        PURCHASE,
        null,
        Math.max(line.quantity(), 0),
        line.revenueMinor(),
        line.currency(),
        line.eventTimeMs());
  }

  /** The product's category as the dimension holds it, or null while it knows none. */
  public static ProductActivity category(ProductRow row) {
    if (row.categoryId() == null || row.categoryId().isEmpty()) {
      return null;
    }
    return new ProductActivity(
        row.productId(), CATEGORY, row.categoryId(), 0, 0, null, row.updatedMs());
  }
}
