package com.shopverse.order.checkout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The business side of checkout, counted once per checkout that really ran (an idempotent replay
 * counts nothing): {@code shopverse_orders_placed_total{currency}}, {@code
 * shopverse_orders_revenue_minor_total{currency}} (minor units, e.g. cents) and {@code
 * shopverse_checkout_failures_total{reason}}. Every reason, and the configured currencies, are
 * registered at zero on start, so a dashboard or alert finds the series before the first failure
 * and {@code rate()} sees the first increment.
 */
@Component
class CheckoutMetrics {

  /** The failure reasons, as docs/observability.md lists them; anything else is {@code other}. */
  static final List<String> REASONS =
      List.of(
          "out_of_stock",
          "payment_declined",
          "payment_timeout",
          "catalog_unavailable",
          "empty_cart",
          "other");

  private static final Set<String> PROBLEM_REASONS =
      Set.of("out-of-stock", "payment-declined", "payment-timeout", "catalog-unavailable");

  private final MeterRegistry registry;

  CheckoutMetrics(MeterRegistry registry, CheckoutMetricsProperties properties) {
    this.registry = registry;
    REASONS.forEach(this::failures);
    for (String currency : properties.currencies()) {
      placed(currency);
      revenue(currency);
    }
  }

  void placed(String currency, long totalMinor) {
    placed(currency).increment();
    revenue(currency).increment(totalMinor);
  }

  /** A checkout that ended in this problem (a final answer or one worth retrying); its reason. */
  String failed(ProblemDetail problem) {
    String reason = reason(problem);
    failures(reason).increment();
    return reason;
  }

  /** A checkout that ended in an unexpected error (a 500); its reason. */
  String failed() {
    failures("other").increment();
    return "other";
  }

  static String reason(ProblemDetail problem) {
    URI type = problem.getType();
    String path = type == null || type.getPath() == null ? "" : type.getPath();
    String slug = path.substring(path.lastIndexOf('/') + 1);
    if ("cart-empty".equals(slug)) {
      return "empty_cart";
    }
    return PROBLEM_REASONS.contains(slug) ? slug.replace('-', '_') : "other";
  }

  private Counter placed(String currency) {
    return Counter.builder("shopverse.orders.placed")
        .description("Orders placed and paid")
        .tag("currency", currency.toUpperCase(Locale.ROOT))
        .register(registry);
  }

  private Counter revenue(String currency) {
    return Counter.builder("shopverse.orders.revenue.minor")
        .description("Revenue of placed orders, in minor units of the currency")
        .tag("currency", currency.toUpperCase(Locale.ROOT))
        .register(registry);
  }

  private Counter failures(String reason) {
    return Counter.builder("shopverse.checkout.failures")
        .description("Checkouts that ran and did not place an order, by reason")
        .tag("reason", reason)
        .register(registry);
  }
}
