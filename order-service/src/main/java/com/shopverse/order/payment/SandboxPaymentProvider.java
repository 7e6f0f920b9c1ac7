package com.shopverse.order.payment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A payment provider that takes no money and can be told what to answer (see {@link
 * SandboxPaymentProperties}): approve, decline, or not answer within the timeout. It keeps charges
 * by reference in memory so a retried charge gets the same payment id, as a real PSP's idempotency
 * keys would; at most {@code max-charges} of them for at most {@code charge-retention} (unbounded,
 * they filled the old generation under checkout load and made every young GC slow).
 */
@Component
class SandboxPaymentProvider implements PaymentProvider {

  static final String DECLINE_METHOD = "pm_sandbox_decline";
  static final String TIMEOUT_METHOD = "pm_sandbox_timeout";
  private static final Logger log = LoggerFactory.getLogger(SandboxPaymentProvider.class);

  private final SandboxPaymentProperties properties;
  private final Cache<String, String> charges;

  SandboxPaymentProvider(SandboxPaymentProperties properties) {
    this.properties = properties;
    // Evicts on the calling thread: cheap, and no pool thread to start or to wait for in tests.
    this.charges =
        Caffeine.newBuilder()
            .maximumSize(properties.maxCharges())
            .expireAfterWrite(properties.chargeRetention())
            .executor(Runnable::run)
            .build();
  }

  /** How many charges are remembered now. */
  long remembered() {
    charges.cleanUp();
    return charges.estimatedSize();
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
            charges.get(request.reference(), ref -> "pay_" + UUID.randomUUID()));
      }
    }
  }

  @Override
  public void refund(String reference) {
    if (charges.asMap().remove(reference) != null) {
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
