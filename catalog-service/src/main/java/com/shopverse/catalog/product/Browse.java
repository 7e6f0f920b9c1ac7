package com.shopverse.catalog.product;

/**
 * What a shopper asked for: filters, search text, order and where to start.
 *
 * @param category a category id; its subcategories are included
 * @param inStock true: only products with stock; false: only those without
 */
record Browse(
    String category,
    Long minPrice,
    Long maxPrice,
    Boolean inStock,
    String q,
    Sort sort,
    Cursor after,
    int limit) {}
