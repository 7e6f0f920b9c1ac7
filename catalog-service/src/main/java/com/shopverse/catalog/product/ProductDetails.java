package com.shopverse.catalog.product;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product with everything a product page shows. {@code version} is also sent as the {@code ETag}:
 * admins send it back in {@code If-Match} to update.
 */
record ProductDetails(
    String id,
    String sku,
    String name,
    String description,
    long priceMinor,
    String currency,
    String categoryId,
    int stock,
    boolean inStock,
    boolean active,
    Map<String, String> attributes,
    List<String> imageUrls,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  String etag() {
    return "\"" + version + "\"";
  }
}
