package com.shopverse.order.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxPaymentProviderTest {

  private static SandboxPaymentProvider sandbox(int maxCharges) {
    return new SandboxPaymentProvider(
        new SandboxPaymentProperties(
            SandboxPaymentProperties.Mode.AUTO,
            Duration.ZERO,
            Duration.ofSeconds(2),
            maxCharges,
            Duration.ofHours(1)));
  }

  private static String charge(SandboxPaymentProvider sandbox, String reference) {
    PaymentResult result =
        sandbox.charge(new PaymentRequest(reference, "user-1", 1999, "EUR", null));
    return ((PaymentResult.Approved) result).paymentId();
  }

  @Test
  void remembersNoMoreChargesThanItsBoundUnderManyOrders() {
    SandboxPaymentProvider sandbox = sandbox(100);
    for (int i = 0; i < 5_000; i++) {
      charge(sandbox, "order-" + i);
    }
    assertThat(sandbox.remembered()).isLessThanOrEqualTo(100);
  }

  @Test
  void answersARetriedChargeWithTheSamePaymentIdWithinTheBound() {
    SandboxPaymentProvider sandbox = sandbox(100);
    String first = charge(sandbox, "order-a");
    for (int i = 0; i < 50; i++) {
      charge(sandbox, "order-" + i);
    }
    assertThat(charge(sandbox, "order-a")).isEqualTo(first);
  }

  @Test
  void forgetsARefundedCharge() {
    SandboxPaymentProvider sandbox = sandbox(100);
    String first = charge(sandbox, "order-a");
    sandbox.refund("order-a");
    assertThat(sandbox.remembered()).isZero();
    assertThat(charge(sandbox, "order-a")).isNotEqualTo(first);
  }
}
