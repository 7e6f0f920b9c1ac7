package com.shopverse.order.payment;

/**
 * @param reference unique per checkout attempt (the order id); the PSP's idempotency key
 * @param method the shopper's payment method token as their client sent it
 */
public record PaymentRequest(
    String reference, String userId, long amountMinor, String currency, String method) {}
