package com.shopverse.order.checkout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key and its response are kept (at least 24 h, as Stripe's)
 * @param inFlightTimeout after this long an unfinished first request is presumed dead (its instance
 *     crashed) and a retry with the same key may run it again; longer than any checkout can take
 *     (catalog and payment timeouts included)
 */
@ConfigurationProperties("shopverse.order.idempotency")
public record IdempotencyProperties(
    @DefaultValue("25h") Duration retention, @DefaultValue("60s") Duration inFlightTimeout) {

  public IdempotencyProperties {
    if (retention.compareTo(Duration.ofHours(24)) < 0) {
      throw new IllegalArgumentException(
          "shopverse.order.idempotency.retention must be at least 24h");
    }
  }
}
