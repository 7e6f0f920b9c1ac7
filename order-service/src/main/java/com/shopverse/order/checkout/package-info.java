/**
 * Checkout: an idempotent {@code POST /api/checkout} that turns the cart into a paid order (reserve
 * stock, charge, confirm, then order + outbox + empty cart in one transaction).
 */
package com.shopverse.order.checkout;
