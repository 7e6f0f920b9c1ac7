package com.shopverse.gateway.ratelimit;

import com.shopverse.gateway.web.ProblemWriter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/** Wires the rate limiter and makes the Redis client fail fast while Redis is away. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

  @Bean
  RedisBuckets redisBuckets(
      RateLimitProperties properties,
      ReactiveStringRedisTemplate redis,
      @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
      ObjectProvider<CircuitBreakerRegistry> breakers) {
    return new RedisBuckets(
        redis,
        loadedOnce(script),
        properties,
        breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults));
  }

  /**
   * The same Lua script, held as text. The gateway's bean reads it from a classpath resource, and
   * Spring Data asks that resource for its last-modified time on every EVALSHA to see whether the
   * SHA-1 is still current: a jar entry lookup per request, 16 % of the gateway's CPU in a profile
   * (docs/gateway.md, "Cost per request"). A script in a jar never changes while it runs.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static RedisScript<List<Long>> loadedOnce(RedisScript<List<Long>> script) {
    return (RedisScript) RedisScript.of(script.getScriptAsString(), List.class);
  }

  /** Opens the Redis connection before traffic arrives, on the main thread (it blocks). */
  @Bean
  ApplicationListener<ApplicationReadyEvent> connectRateLimiterToRedis(RedisBuckets redis) {
    return event -> {
      // A few tries: right after startup the first handshake has been seen to fail once.
      for (int attempt = 0; attempt < 3 && !redis.connect(Duration.ofSeconds(2)); attempt++) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    };
  }

  @Bean
  RateLimitFilter rateLimitFilter(
      RateLimitProperties properties,
      RedisBuckets redis,
      MeterRegistry meters,
      ProblemWriter problems) {
    return new RateLimitFilter(
        properties,
        redis,
        new InProcessBuckets(properties.auth(), properties.fallbackMaxKeys()),
        new RateLimitMetrics(meters),
        problems);
  }

  /**
   * While disconnected, Lettuce would queue commands until they time out; rejecting them at once
   * lets the fallback answer in microseconds instead of after the Redis timeout.
   */
  @Bean
  LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
    return options ->
        options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
  }

  /** Reconnect attempts back off to at most one second (Lettuce's default is 30 s). */
  @Bean
  ClientResourcesBuilderCustomizer boundedReconnectDelay() {
    return resources ->
        resources.reconnectDelay(
            Delay.exponential(
                Duration.ofMillis(10),
                Duration.ofSeconds(1),
                2,
                java.util.concurrent.TimeUnit.MILLISECONDS));
  }
}
