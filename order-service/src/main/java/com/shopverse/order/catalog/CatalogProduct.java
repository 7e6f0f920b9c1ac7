package com.shopverse.order.catalog;

/** A product as catalog-service shows it publicly (the fields order-service reads). */
public record CatalogProduct(
    String id, String name, long priceMinor, String currency, Integer stock, boolean inStock) {}
