package com.shopverse.order.checkout;

import jakarta.validation.constraints.Size;

/**
 * What a shopper sends to check out: only how they pay. The items and prices come from their cart
 * and the catalog; any other field (a price, a total, a user id) is ignored.
 *
 * @param paymentMethod the payment method token from the client's payment form; in the sandbox
 *     {@code pm_sandbox_decline} declines and {@code pm_sandbox_timeout} times out
 */
record CheckoutRequest(@Size(max = 64) String paymentMethod) {

  static final CheckoutRequest EMPTY = new CheckoutRequest(null);
}
