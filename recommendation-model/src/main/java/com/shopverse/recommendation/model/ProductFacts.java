package com.shopverse.recommendation.model;

/** What the model must know about a product to recommend it. */
public record ProductFacts(String productId, String categoryId, boolean active, boolean inStock) {

  public boolean recommendable() {
    return active && inStock;
  }
}
