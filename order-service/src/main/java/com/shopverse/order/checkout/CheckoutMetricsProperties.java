package com.shopverse.order.checkout;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param currencies the currencies whose order and revenue counters exist from the start (at zero);
 *     orders in another currency still count, their series appear with the first order
 */
@ConfigurationProperties("shopverse.order.metrics")
public record CheckoutMetricsProperties(@DefaultValue("EUR") List<String> currencies) {}
