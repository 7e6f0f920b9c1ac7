package com.shopverse.order.payment;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A payment provider that takes no money and can be told what to answer (see {@link
 * SandboxPaymentProperties}): approve, decline, or not answer within the timeout. It keeps charges
 * by reference in memory so a retried charge gets the same payment id, as a real PSP's idempotency
 * keys would.
 */
@Component
class SandboxPaymentProvider implements PaymentProvider {

  static final String DECLINE_METHOD = "pm_sandbox_decline";
  static final String TIMEOUT_METHOD = "pm_sandbox_timeout";
  private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

  private final SandboxPaymentProperties properties;
  private final Map<String, String> charges = new ConcurrentHashMap<>();

  SandboxPaymentProvider(SandboxPaymentProperties properties) {
    this.properties = properties;
  }

  @Override
  public PaymentResult charge(PaymentRequest request) {
    switch (outcome(request)) {
      case DECLINE -> {
        pause(properties.latency().toMillis());
        return new PaymentResult.Declined("The sandbox declined the payment method.");
      }
      case TIMEOUT -> {
        pause(properties.timeout().toMillis());
        throw new PaymentTimeoutException(
            "The sandbox provider did not answer within " + properties.timeout() + ".");
      }
      default -> {
        pause(properties.latency().toMillis());
        return new PaymentResult.Approved(
            charges.computeIfAbsent(request.reference(), ref -> "pay_" + UUID.randomUUID()));
      }
    }
  }

  @Override
  public void refund(String reference) {
    if (charges.remove(reference) != null) {
      log.info("Sandbox refunded payment {}", reference);
    }
  }

  private SandboxPaymentProperties.Mode outcome(PaymentRequest request) {
    if (properties.mode() != SandboxPaymentProperties.Mode.AUTO) {
      return properties.mode();
    }
    if (DECLINE_METHOD.equals(request.method())) {
      return SandboxPaymentProperties.Mode.DECLINE;
    }
    if (TIMEOUT_METHOD.equals(request.method())) {
      return SandboxPaymentProperties.Mode.TIMEOUT;
    }
    return SandboxPaymentProperties.Mode.APPROVE;
  }

  private static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PaymentTimeoutException("Interrupted while waiting for the payment provider.");
    }
  }
}
