package com.shopverse.recommendation.model;

import com.shopverse.events.InteractionType;

/**
 * What one shopper did with one product, as the Flink job keeps it and the service reads it (a
 * mutable POJO so Flink serializes it without Kryo).
 *
 * <p>{@code score} is the seed's weighted score (each interaction's type weight), forward-decayed
 * so recent interest outranks old; {@code removedMs} is the last removal from the cart that was not
 * followed by a new add.
 */
public class ShopperItem {
  public String productId;
  public String categoryId = "";
  public double score;
  public String lastType = "";
  public long lastMs;
  public long lastViewedMs;
  public long removedMs;
  public boolean purchased;

  public ShopperItem() {}

  public ShopperItem(String productId) {
    this.productId = productId;
  }

  /** Records one interaction; returns false if it changed nothing this model reads. */
  public boolean add(InteractionType type, String category, long eventTimeMs, ModelSettings s) {
    // Decide first: the Flink job keeps this object in heap state, so a change made before
    // returning false would stick there without ever being written out.
    if (type == InteractionType.SEARCHED) {
      return false;
    }
    if (category != null && !category.isEmpty()) {
      categoryId = category;
    }
    score += s.weight(type) * s.boost(eventTimeMs);
    if (eventTimeMs >= lastMs) {
      lastMs = eventTimeMs;
      lastType = type.name();
    }
    switch (type) {
      case PRODUCT_VIEWED, PRODUCT_CLICKED -> lastViewedMs = Math.max(lastViewedMs, eventTimeMs);
      case ADDED_TO_CART -> {
        if (eventTimeMs >= removedMs) {
          removedMs = 0;
        }
      }
      case REMOVED_FROM_CART -> removedMs = Math.max(removedMs, eventTimeMs);
      case PURCHASED -> purchased = true;
      default -> {}
    }
    return true;
  }
}
