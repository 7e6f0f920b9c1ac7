package com.shopverse.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token-bucket limits. {@code auth} guards the credential endpoints per client IP and is always on;
 * {@code general} guards everything else per user (token {@code sub}) or per IP, and can be
 * switched off for benchmarks.
 *
 * @param generalEnabled whether general traffic is limited at all
 * @param auth limits for POST on {@code authPaths}
 * @param authPaths the credential endpoints (login, register, token)
 * @param general limits for all other routed requests
 * @param trustedProxies addresses or CIDR ranges whose X-Forwarded-For is believed (default none:
 *     the TCP peer is the client)
 * @param redisTimeout the longest a request waits for Redis before falling back
 * @param redisOpenDuration how long Redis is skipped after it failed repeatedly
 * @param fallbackMaxKeys how many client keys the in-process fallback buckets hold
 */
@ConfigurationProperties("shopverse.gateway.rate-limit")
public record RateLimitProperties(
    boolean generalEnabled,
    Limit auth,
    List<String> authPaths,
    Limit general,
    List<String> trustedProxies,
    Duration redisTimeout,
    Duration redisOpenDuration,
    long fallbackMaxKeys) {

  public RateLimitProperties {
    trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    authPaths = authPaths == null ? List.of() : List.copyOf(authPaths);
  }

  /**
   * A bucket that holds {@code burst} tokens and gains {@code replenish} tokens every {@code
   * period}; each request takes one.
   */
  public record Limit(int replenish, Duration period, int burst) {

    /** Tokens per second, as the gateway's Lua script wants it. */
    double ratePerSecond() {
      return replenish * 1_000_000_000.0 / period.toNanos();
    }
  }
}
