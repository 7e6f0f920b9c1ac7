package com.shopverse.catalog.product;

/**
 * A product in a page of results. {@code id} comes first and no nested object precedes {@code
 * inStock}: simple clients (the shopper simulation) read pages with a regular expression.
 */
record ProductSummary(
    String id,
    String sku,
    String name,
    long priceMinor,
    String currency,
    String categoryId,
    int stock,
    boolean inStock,
    String imageUrl) {}
