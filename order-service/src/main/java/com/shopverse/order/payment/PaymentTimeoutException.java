package com.shopverse.order.payment;

/** The provider did not answer within its timeout; whether it charged is unknown. */
public class PaymentTimeoutException extends RuntimeException {

  public PaymentTimeoutException(String message) {
    super(message);
  }
}
