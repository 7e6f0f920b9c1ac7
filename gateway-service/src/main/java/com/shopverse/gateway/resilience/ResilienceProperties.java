package com.shopverse.gateway.resilience;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Circuit breakers (one per backend, named by route id) and request size limits.
 *
 * @param failureRateThreshold percentage of failed calls (connect errors, timeouts) that opens a
 *     backend's breaker
 * @param slidingWindow how many recent calls the failure rate is computed over
 * @param minimumCalls calls needed in the window before the rate counts
 * @param openDuration how long an open breaker answers 503 before letting probes through; also the
 *     {@code Retry-After} of that 503
 * @param maxRequestSize the largest request body a route accepts
 * @param maxRequestSizeByPath larger (or smaller) limits for exact paths, e.g. the events batch
 * @param connectTimeout the TCP connect timeout to every backend (one value for all routes)
 */
@ConfigurationProperties("shopverse.gateway.resilience")
public record ResilienceProperties(
    float failureRateThreshold,
    int slidingWindow,
    int minimumCalls,
    Duration openDuration,
    DataSize maxRequestSize,
    Map<String, DataSize> maxRequestSizeByPath,
    Duration connectTimeout) {

  public ResilienceProperties {
    maxRequestSizeByPath =
        maxRequestSizeByPath == null ? Map.of() : Map.copyOf(maxRequestSizeByPath);
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(1) : connectTimeout;
  }
}
