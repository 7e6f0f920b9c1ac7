package com.shopverse.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;

/**
 * The fallback that keeps login, register and token limited while Redis is away (fail closed): one
 * Resilience4j RateLimiter per client key, held in a bounded Caffeine cache. Resilience4j counts
 * permits per period rather than refilling smoothly, so the bucket is expressed as {@code burst}
 * permits per {@code burst / replenish} periods: the same burst and the same average rate as the
 * Redis bucket (5 per minute, burst 10 becomes 10 per 2 minutes). Each gateway replica counts on
 * its own while Redis is down.
 */
final class InProcessBuckets {

  private final RateLimiterConfig config;
  private final Cache<String, RateLimiter> limiters;
  private final int burst;

  InProcessBuckets(RateLimitProperties.Limit limit, long maxKeys) {
    this.burst = limit.burst();
    Duration window =
        Duration.ofNanos(
            Math.max(1, (long) (limit.period().toNanos() * (double) burst / limit.replenish())));
    this.config =
        RateLimiterConfig.custom()
            .limitForPeriod(burst)
            .limitRefreshPeriod(window)
            .timeoutDuration(Duration.ZERO)
            .build();
    // An entry unused for two windows is full again anyway: dropping it changes nothing.
    this.limiters =
        Caffeine.newBuilder()
            .maximumSize(maxKeys)
            .expireAfterAccess(window.multipliedBy(2))
            .build();
  }

  /** Non-blocking: timeoutDuration is zero, so a refused permit returns at once. */
  Decision take(String key) {
    RateLimiter limiter = limiters.get(key, k -> RateLimiter.of(k, config));
    boolean allowed = limiter.acquirePermission();
    long remaining = Math.max(0, limiter.getMetrics().getAvailablePermissions());
    long nanosToNextWindow =
        limiter instanceof AtomicRateLimiter atomic
            ? atomic.getDetailedMetrics().getNanosToWait()
            : config.getLimitRefreshPeriod().toNanos();
    long seconds = Math.max(1, (long) Math.ceil(nanosToNextWindow / 1e9));
    return new Decision(
        allowed,
        burst,
        remaining,
        seconds,
        allowed ? 0 : seconds,
        allowed ? Decision.Outcome.FALLBACK_ALLOWED : Decision.Outcome.FALLBACK_LIMITED);
  }
}
