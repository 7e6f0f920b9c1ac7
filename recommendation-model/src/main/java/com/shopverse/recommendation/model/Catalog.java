package com.shopverse.recommendation.model;

/** The products the model may recommend; {@code null} for a product it does not know. */
@FunctionalInterface
public interface Catalog {
  ProductFacts find(String productId);
}
