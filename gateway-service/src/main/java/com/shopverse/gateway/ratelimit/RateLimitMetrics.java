package com.shopverse.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code shopverse_gateway_ratelimit_requests_total{policy,outcome}} for every decision and {@code
 * shopverse_gateway_ratelimit_redis_errors_total{policy}} for every Redis call that failed or timed
 * out (or was skipped because Redis' breaker is open). Counters are registered once, so the hot
 * path only increments.
 */
final class RateLimitMetrics {

  private final Map<Policy, Map<Decision.Outcome, Counter>> outcomes = new EnumMap<>(Policy.class);
  private final Map<Policy, Counter> redisErrors = new EnumMap<>(Policy.class);

  RateLimitMetrics(MeterRegistry registry) {
    for (Policy policy : Policy.values()) {
      Map<Decision.Outcome, Counter> byOutcome = new EnumMap<>(Decision.Outcome.class);
      for (Decision.Outcome outcome : Decision.Outcome.values()) {
        byOutcome.put(
            outcome,
            Counter.builder("shopverse.gateway.ratelimit.requests")
                .description("Rate-limit decisions by policy and outcome")
                .tag("policy", policy.tag)
                .tag("outcome", outcome.tag)
                .register(registry));
      }
      outcomes.put(policy, byOutcome);
      redisErrors.put(
          policy,
          Counter.builder("shopverse.gateway.ratelimit.redis.errors")
              .description("Rate-limit calls to Redis that failed, timed out or were skipped")
              .tag("policy", policy.tag)
              .register(registry));
    }
  }

  void decided(Policy policy, Decision decision) {
    outcomes.get(policy).get(decision.outcome()).increment();
  }

  void redisFailed(Policy policy) {
    redisErrors.get(policy).increment();
  }
}
