package com.shopverse.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each request is observed once (its {@code http.server.requests} timer and span), not once more
 * per Spring Security filter chain, authentication and authorization: those observations cost CPU
 * on every request of checkout's path and nothing reads them (docs/orders.md, "Throughput").
 */
class RequestObservationsIT extends OrderServiceTestBase {

  @Autowired MeterRegistry meters;

  @Test
  void observesARequestWithoutSpringSecuritysOwnObservations() {
    assertThat(http().get("/api/cart", newShopper()).statusCode()).isEqualTo(200);

    assertThat(meters.find("http.server.requests").tag("uri", "/api/cart").timers()).isNotEmpty();
    assertThat(meters.getMeters())
        .extracting(meter -> meter.getId().getName())
        .noneMatch(name -> name.startsWith("spring.security."));
  }
}
