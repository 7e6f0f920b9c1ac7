package com.shopverse.recommendation.quality;

import com.shopverse.events.InteractionType;

/**
 * One line of the interaction CSV (see {@link InteractionCsv}).
 *
 * @param sessionId empty when the source has no sessions (the harness then cuts them by the session
 *     gap)
 * @param productId empty for {@link InteractionType#SEARCHED}
 * @param categoryId the product's category (for a search: the category searched in, may be empty)
 */
public record Interaction(
    long occurredMs,
    String shopperId,
    String sessionId,
    InteractionType type,
    String productId,
    String categoryId) {

  public Interaction {
    sessionId = sessionId == null ? "" : sessionId;
    productId = productId == null ? "" : productId;
    categoryId = categoryId == null ? "" : categoryId;
    if (shopperId == null || shopperId.isEmpty()) {
      throw new IllegalArgumentException("shopper_id is required");
    }
    if (type.needsProduct() && productId.isEmpty()) {
      throw new IllegalArgumentException(type + " needs a product_id");
    }
  }

  /** Whether the event is about one product (everything but a search). */
  public boolean hasProduct() {
    return !productId.isEmpty();
  }
}
