package com.shopverse.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of {@code shopper_items}: one shopper's interest in one product, as of {@code version}.
 */
public record ShopperItemRow(
    @JsonProperty("shopper_id") String shopperId,
    @JsonProperty("product_id") String productId,
    @JsonProperty("category_id") String categoryId,
    @JsonProperty("score") double score,
    @JsonProperty("last_type") String lastType,
    @JsonProperty("last_ms") long lastMs,
    @JsonProperty("last_viewed_ms") long lastViewedMs,
    @JsonProperty("removed_ms") long removedMs,
    @JsonProperty("purchased") int purchased,
    @JsonProperty("version") long version) {}
