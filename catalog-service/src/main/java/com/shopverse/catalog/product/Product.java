package com.shopverse.catalog.product;

/** A product as shoppers see it. */
record Product(
    String id,
    String sku,
    String name,
    String description,
    long priceMinor,
    String currency,
    String categoryId,
    int stock,
    boolean inStock) {}
