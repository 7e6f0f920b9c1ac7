package com.shopverse.order.payment;

/** What the provider said: approved with a payment id, or declined with a reason. */
public sealed interface PaymentResult {

  record Approved(String paymentId) implements PaymentResult {}

  record Declined(String reason) implements PaymentResult {}
}
