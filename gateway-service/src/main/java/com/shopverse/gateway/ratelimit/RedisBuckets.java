package com.shopverse.gateway.ratelimit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Token buckets in Redis, run by Spring Cloud Gateway's own Lua script (the one behind its
 * RedisRateLimiter): one EVALSHA per request, the clock is Redis' TIME, so all gateway replicas
 * share one bucket per key. Called directly rather than through RedisRateLimiter because that class
 * swallows Redis errors into "allowed", and here a failure must be visible: the caller decides to
 * fail open or to fall back to an in-process bucket.
 *
 * <p>Every call is bounded by {@code redisTimeout} (a frozen Redis answers nothing) and guarded by
 * a circuit breaker, so while Redis is away requests do not even try it.
 */
final class RedisBuckets {

  static final String BREAKER = "rate-limit-redis";
  private static final Logger log = LoggerFactory.getLogger(RedisBuckets.class);

  private final ReactiveStringRedisTemplate redis;
  private final RedisScript<List<Long>> script;
  private final Duration timeout;
  private final CircuitBreaker breaker;

  /**
   * Spring Data opens its shared connection on first use, and that open blocks the caller. So the
   * first connect happens off the event loop — at startup ({@link #connect}) or, if Redis was away
   * then, in the background at most once a second — and until it succeeded, requests go to the
   * fallback at once. After that Lettuce reconnects by itself.
   */
  private volatile boolean connected;

  private final AtomicBoolean connecting = new AtomicBoolean();
  private volatile long lastAttemptNanos = System.nanoTime() - RECONNECT_INTERVAL_NANOS;
  private static final long RECONNECT_INTERVAL_NANOS = 1_000_000_000L;
  private static final RedisConnectionFailureException NOT_CONNECTED =
      new RedisConnectionFailureException("Redis not connected yet");

  RedisBuckets(
      ReactiveStringRedisTemplate redis,
      RedisScript<List<Long>> script,
      RateLimitProperties properties,
      CircuitBreakerRegistry breakers) {
    this.redis = redis;
    this.script = script;
    this.timeout = properties.redisTimeout();
    this.breaker =
        breakers.circuitBreaker(
            BREAKER,
            CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(20)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.redisOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(2)
                .build());
  }

  /** Takes one token from {@code key}'s bucket; errors if Redis did not answer in time. */
  Mono<Decision> take(String key, RateLimitProperties.Limit limit) {
    double rate = limit.ratePerSecond();
    // The hash tag keeps both keys in one slot on a Redis cluster (as RedisRateLimiter does).
    String prefix = "request_rate_limiter.{" + key + "}.";
    List<String> keys = List.of(prefix + "tokens", prefix + "timestamp");
    // ARGV: rate per second, capacity, now (empty: the script uses Redis TIME), requested.
    List<String> args = List.of(Double.toString(rate), Integer.toString(limit.burst()), "", "1");
    if (!connected) {
      connectInBackground();
      return Mono.error(NOT_CONNECTED);
    }
    return redis
        .execute(script, keys, args)
        .next()
        .timeout(timeout)
        .transformDeferred(CircuitBreakerOperator.of(breaker))
        .map(result -> decide(result, limit, rate));
  }

  /** Blocking: call from a thread that may wait (startup, boundedElastic), never an event loop. */
  boolean connect(Duration wait) {
    lastAttemptNanos = System.nanoTime();
    try {
      redis.execute(connection -> connection.ping()).next().block(wait);
      connected = true;
      log.info("Rate limiter connected to Redis");
      return true;
    } catch (RuntimeException e) {
      log.warn("Redis unreachable for rate limiting ({}); using the fallbacks", e.toString());
      log.debug("Redis connect failure", e);
      return false;
    }
  }

  private void connectInBackground() {
    if (System.nanoTime() - lastAttemptNanos < RECONNECT_INTERVAL_NANOS
        || !connecting.compareAndSet(false, true)) {
      return;
    }
    Mono.fromRunnable(() -> connect(Duration.ofSeconds(2)))
        .subscribeOn(Schedulers.boundedElastic())
        .doFinally(signal -> connecting.set(false))
        .subscribe();
  }

  private static Decision decide(List<Long> result, RateLimitProperties.Limit limit, double rate) {
    boolean allowed = result.get(0) == 1L;
    long remaining = Math.max(0, result.get(1));
    long reset = (long) Math.ceil((limit.burst() - remaining) / rate);
    long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil(1 / rate));
    return new Decision(
        allowed,
        limit.burst(),
        remaining,
        reset,
        retryAfter,
        allowed ? Decision.Outcome.ALLOWED : Decision.Outcome.LIMITED);
  }
}
