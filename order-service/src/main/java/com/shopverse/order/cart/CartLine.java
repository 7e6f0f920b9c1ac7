package com.shopverse.order.cart;

/** A product and how many of it, as the cart stores it (no price: prices live in the catalog). */
public record CartLine(String productId, int quantity) {}
