package com.shopverse.events;

/** What a shopper did. Names are part of the wire contract: never rename, only add. */
public enum InteractionType {
  PRODUCT_VIEWED,
  PRODUCT_CLICKED,
  ADDED_TO_CART,
  REMOVED_FROM_CART,
  SEARCHED,
  PURCHASED;

  /** Whether the event is about one product, so {@code productId} is required. */
  public boolean needsProduct() {
    return this != SEARCHED;
  }
}
