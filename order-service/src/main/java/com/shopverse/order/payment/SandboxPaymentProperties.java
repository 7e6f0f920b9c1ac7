package com.shopverse.order.payment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sandbox payment provider.
 *
 * @param mode {@code auto}: decide by the payment method ({@code pm_sandbox_decline} declines,
 *     {@code pm_sandbox_timeout} times out, anything else is approved); {@code approve}, {@code
 *     decline}, {@code timeout}: every charge does that
 * @param latency how long an answered charge takes
 * @param timeout how long a charge waits before it gives up on a provider that does not answer
 * @param maxCharges how many charges it remembers (for a retried charge's same payment id); the
 *     oldest are forgotten past that, so memory stays bounded under load
 * @param chargeRetention how long it remembers a charge at most
 */
@ConfigurationProperties("shopverse.order.payment.sandbox")
public record SandboxPaymentProperties(
    @DefaultValue("auto") Mode mode,
    @DefaultValue("0ms") Duration latency,
    @DefaultValue("2s") Duration timeout,
    @DefaultValue("10000") int maxCharges,
    @DefaultValue("1h") Duration chargeRetention) {

  public enum Mode {
    AUTO,
    APPROVE,
    DECLINE,
    TIMEOUT
  }
}
