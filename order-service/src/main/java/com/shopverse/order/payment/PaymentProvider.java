package com.shopverse.order.payment;

/**
 * A payment service provider. A real one would be an HTTP client to the PSP; {@link
 * SandboxPaymentProvider} stands in for it locally and in tests.
 */
public interface PaymentProvider {

  /**
   * Charges the shopper. {@link PaymentRequest#reference()} is the PSP's idempotency key: a retry
   * with the same reference must not charge twice.
   *
   * @throws PaymentTimeoutException if the provider did not answer in time (the charge's outcome is
   *     unknown; the caller voids it with {@link #refund})
   */
  PaymentResult charge(PaymentRequest request);

  /** Gives the money of a charge back (or voids a charge whose outcome is unknown). Idempotent. */
  void refund(String reference);
}
