package com.shopverse.analytics;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One row of {@code products}, the product dimension: the product as the catalog last described it,
 * as of {@code version} (the job's rising row version; a later one replaces it). {@code
 * productVersion} is the catalog's own version of the product (0 until a {@code ProductChanged} was
 * seen), {@code stockMs} the time of the event the stock comes from.
 */
public record ProductRow(
    @JsonProperty("product_id") String productId,
    @JsonProperty("sku") String sku,
    @JsonProperty("name") String name,
    @JsonProperty("category_id") String categoryId,
    @JsonProperty("price_minor") long priceMinor,
    @JsonProperty("currency") String currency,
    @JsonProperty("active") int active,
    @JsonProperty("stock") int stock,
    @JsonProperty("in_stock") int inStock,
    @JsonProperty("product_version") long productVersion,
    @JsonProperty("stock_ms") long stockMs,
    @JsonProperty("updated_at") long updatedAtSeconds,
    @JsonProperty("updated_ms") long updatedMs,
    @JsonProperty("version") long version) {}
