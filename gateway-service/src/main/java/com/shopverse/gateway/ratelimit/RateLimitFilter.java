package com.shopverse.gateway.ratelimit;

import com.shopverse.gateway.web.ProblemWriter;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Takes one token per routed request (runs after Spring Security, so the principal is known) and
 * answers 429 with a problem when the bucket is empty; the request then never reaches a backend.
 * Passing requests carry the IETF draft's RateLimit-Limit/-Remaining/-Reset headers too.
 *
 * <p>Redis down: POST login/register/token fail closed onto an in-process bucket with the same
 * limits; general traffic fails open and is counted.
 */
final class RateLimitFilter implements GlobalFilter, Ordered {

  /** After the size check, before the route's own filters (breaker, retry) and the proxy. */
  static final int ORDER = -100;

  private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

  private final RateLimitProperties properties;
  private final RedisBuckets redis;
  private final InProcessBuckets authFallback;
  private final RateLimitMetrics metrics;
  private final ProblemWriter problems;
  private final ClientKeys clients;
  private final Set<String> authPaths;

  RateLimitFilter(
      RateLimitProperties properties,
      RedisBuckets redis,
      InProcessBuckets authFallback,
      RateLimitMetrics metrics,
      ProblemWriter problems) {
    this.properties = properties;
    this.redis = redis;
    this.authFallback = authFallback;
    this.metrics = metrics;
    this.problems = problems;
    this.clients = new ClientKeys(properties.trustedProxies());
    this.authPaths = Set.copyOf(properties.authPaths());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (isCredentialEndpoint(request)) {
      // Per IP even with a token: guessing passwords must cost the same with or without one.
      String key = "auth:ip:" + clients.clientIp(exchange);
      return redis
          .take(key, properties.auth())
          .onErrorResume(
              e -> {
                redisFailed(Policy.AUTH, e);
                return Mono.fromSupplier(() -> authFallback.take(key));
              })
          .flatMap(decision -> apply(Policy.AUTH, decision, exchange, chain));
    }
    if (!properties.generalEnabled()) {
      return chain.filter(exchange);
    }
    return exchange
        .getPrincipal()
        .map(Principal::getName)
        .map(name -> "user:" + name)
        .defaultIfEmpty("")
        .flatMap(
            user -> {
              String key = user.isEmpty() ? "ip:" + clients.clientIp(exchange) : user;
              return redis
                  .take(key, properties.general())
                  .onErrorResume(
                      e -> {
                        redisFailed(Policy.GENERAL, e);
                        return Mono.just(Decision.failedOpen());
                      });
            })
        .flatMap(decision -> apply(Policy.GENERAL, decision, exchange, chain));
  }

  private Mono<Void> apply(
      Policy policy, Decision decision, ServerWebExchange exchange, GatewayFilterChain chain) {
    metrics.decided(policy, decision);
    HttpHeaders headers = exchange.getResponse().getHeaders();
    if (decision.hasHeaders()) {
      headers.set("RateLimit-Limit", Long.toString(decision.limit()));
      headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
      headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }
    if (decision.allowed()) {
      return chain.filter(exchange);
    }
    return problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many requests; retry after " + decision.retryAfterSeconds() + " s.",
        Map.of("policy", policy.tag, "retryAfterSeconds", decision.retryAfterSeconds()),
        h -> h.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds())));
  }

  private void redisFailed(Policy policy, Throwable error) {
    metrics.redisFailed(policy);
    if (log.isDebugEnabled()) {
      log.debug("Rate limit falls back ({}): {}", policy.tag, error.toString());
    }
  }

  /**
   * POST to login/register/token, matched on the decoded path segments without path parameters, as
   * the route predicate and the backend see them: {@code /api/auth/%6Cogin}, {@code
   * /api/auth//login/} or {@code /api/auth/login;x=1} cannot slip into the general bucket.
   */
  boolean isCredentialEndpoint(ServerHttpRequest request) {
    if (request.getMethod() != HttpMethod.POST) {
      return false;
    }
    List<PathContainer.Element> elements = request.getPath().pathWithinApplication().elements();
    StringBuilder path = new StringBuilder(32);
    for (PathContainer.Element element : elements) {
      if (element instanceof PathContainer.PathSegment segment
          && !segment.valueToMatch().isEmpty()) {
        path.append('/').append(segment.valueToMatch());
      }
    }
    return authPaths.contains(path.toString());
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
