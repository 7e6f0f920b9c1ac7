package com.shopverse.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Resilience4j breaker per backend (the gateway's CircuitBreaker filter names each after its
 * route). A breaker counts exceptions only — connect errors and response timeouts — so a backend's
 * own 4xx/5xx answers pass through untouched. The time limiter is switched off in application.yml:
 * each route's response-timeout is the one timeout, so there is no second clock to disagree with.
 */
@Configuration(proxyBeanMethods = false)
class BackendCircuitBreakers {

  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> backendBreakerDefaults(
      ResilienceProperties properties) {
    CircuitBreakerConfig breaker =
        CircuitBreakerConfig.custom()
            .failureRateThreshold(properties.failureRateThreshold())
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(properties.slidingWindow())
            .minimumNumberOfCalls(properties.minimumCalls())
            .waitDurationInOpenState(properties.openDuration())
            .permittedNumberOfCallsInHalfOpenState(2)
            .build();
    // Only used if the time limiter is switched back on; generous so it never undercuts a route.
    TimeLimiterConfig limiter =
        TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(60)).build();
    return factory ->
        factory.configureDefault(
            id ->
                new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(breaker)
                    .timeLimiterConfig(limiter)
                    .build());
  }
}
