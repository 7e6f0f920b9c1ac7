package com.shopverse.order.order;

/**
 * PENDING → PAID → SHIPPED → DELIVERED; CANCELLED from PENDING or PAID. Checkout places and pays an
 * order in one transaction, so shoppers see it PAID.
 */
public enum OrderStatus {
  PENDING,
  PAID,
  SHIPPED,
  DELIVERED,
  CANCELLED
}
