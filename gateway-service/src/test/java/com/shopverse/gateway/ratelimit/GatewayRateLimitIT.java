package com.shopverse.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.gateway.Prometheus;
import com.shopverse.gateway.RedisOnPort;
import com.shopverse.gateway.TestBackend;
import com.shopverse.testsupport.LocalProcess;
import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Rate limits against a real Redis and a real backend. The gateway trusts X-Forwarded-For from
 * 127.0.0.1 here, so each test plays its own client IP and starts with full buckets.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRateLimitIT {

  static final int REDIS_PORT = LocalProcess.freePort();
  static RedisOnPort redis = RedisOnPort.start(REDIS_PORT);
  static final TestTokens tokens = TestTokens.start();
  static final TestBackend backend = new TestBackend();
  static final AtomicInteger clients = new AtomicInteger(1);

  /** General traffic in this test: a burst of 5 and no refill to speak of. */
  static final int GENERAL_BURST = 5;

  /** The shipped default for login/register/token: burst 10, 5 per minute. */
  static final int AUTH_BURST = 10;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    backend.route(registry);
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
    registry.add("REDIS_PORT", () -> REDIS_PORT);
    registry.add("GATEWAY_TRUSTED_PROXIES", () -> "127.0.0.1");
    registry.add("GATEWAY_RATE_LIMIT_BURST", () -> GENERAL_BURST);
    registry.add("GATEWAY_RATE_LIMIT_REPLENISH", () -> 1);
    registry.add("GATEWAY_RATE_LIMIT_PERIOD", () -> "1h");
    registry.add("GATEWAY_RATE_LIMIT_REDIS_OPEN", () -> "300ms");
  }

  @BeforeEach
  void forget() {
    awaitRedisLimits();
    backend.forget();
  }

  @AfterAll
  static void stop() {
    redis.close();
    backend.close();
    tokens.close();
  }

  @Test
  void answers429WithHeadersAndAProblemOnceTheBucketIsEmptyAndTheBackendSeesNothingMore() {
    String ip = newClientIp();
    for (int i = 0; i < GENERAL_BURST; i++) {
      HttpResponse<String> ok = catalog(ip, null);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.headers().firstValue("RateLimit-Limit")).hasValue("" + GENERAL_BURST);
      assertThat(ok.headers().firstValue("RateLimit-Remaining"))
          .hasValue("" + (GENERAL_BURST - 1 - i));
      assertThat(ok.headers().firstValue("RateLimit-Reset")).isPresent();
    }

    HttpResponse<String> limited = catalog(ip, null);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(limited.headers().firstValueAsLong("Retry-After").orElseThrow()).isPositive();
    assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    assertThat(limited.headers().firstValue("RateLimit-Limit")).hasValue("" + GENERAL_BURST);
    assertThat(limited.body())
        .contains("\"type\":\"https://shopverse.dev/problems/rate-limited\"")
        .contains("\"status\":429")
        .contains("\"policy\":\"general\"");
    assertThat(backend.lines()).hasSize(GENERAL_BURST);
  }

  @Test
  void limitsLoginAndRegisterPerIpInTheirOwnStricterBucket() {
    String ip = newClientIp();
    for (int i = 0; i < AUTH_BURST; i++) {
      // (/api/auth/token shares the bucket; it is left out here because this branch's security
      // rules do not open it yet, so it would answer 401 before reaching the limiter.)
      String path = i % 2 == 0 ? "/api/auth/login" : "/api/auth/register";
      assertThat(post(path, ip, null).statusCode()).isEqualTo(200);
    }

    HttpResponse<String> limited = post("/api/auth/login", ip, null);

    assertThat(limited.statusCode()).isEqualTo(429);
    // 5 per minute: the next token is at most 12 s away.
    assertThat(limited.headers().firstValueAsLong("Retry-After").orElseThrow()).isBetween(1L, 12L);
    assertThat(limited.body()).contains("\"policy\":\"auth\"");
    assertThat(backend.lines()).hasSize(AUTH_BURST);
    // General traffic from the same address has its own bucket.
    assertThat(catalog(ip, null).statusCode()).isEqualTo(200);
  }

  @Test
  void keepsEachUsersBucketApartFromTheirAddressAndFromOtherUsers() {
    String ip = newClientIp();
    String alice = tokens.customer("alice-" + ip);
    String bob = tokens.customer("bob-" + ip);
    for (int i = 0; i < GENERAL_BURST; i++) {
      assertThat(catalog(ip, null).statusCode()).isEqualTo(200);
    }
    assertThat(catalog(ip, null).statusCode()).isEqualTo(429);

    for (int i = 0; i < GENERAL_BURST; i++) {
      assertThat(catalog(ip, alice).statusCode()).isEqualTo(200);
    }
    assertThat(catalog(ip, alice).statusCode()).isEqualTo(429);
    HttpResponse<String> bobsFirst = catalog(ip, bob);
    assertThat(bobsFirst.statusCode()).isEqualTo(200);
    assertThat(bobsFirst.headers().firstValue("RateLimit-Remaining"))
        .hasValue("" + (GENERAL_BURST - 1));
    // The user's bucket follows the token, not the address.
    assertThat(catalog(newClientIp(), alice).statusCode()).isEqualTo(429);
  }

  @Test
  void whenRedisDiesLoginStaysLimitedInProcessGeneralTrafficPassesCountedAndRedisResumesAfter() {
    String general = newClientIp();
    String login = newClientIp();
    for (int i = 0; i < GENERAL_BURST; i++) {
      catalog(general, null);
    }
    assertThat(catalog(general, null).statusCode()).isEqualTo(429);
    double failedOpenBefore = failedOpen();

    redis.kill();
    try {
      // Fail open: the emptied bucket is out of reach, so the request passes, without headers.
      HttpResponse<String> passed = catalog(general, null);
      assertThat(passed.statusCode()).isEqualTo(200);
      assertThat(passed.headers().firstValue("RateLimit-Remaining")).isEmpty();
      // Fail closed: login is still limited, by the in-process bucket with the same burst.
      for (int i = 0; i < AUTH_BURST; i++) {
        assertThat(post("/api/auth/login", login, null).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = post("/api/auth/login", login, null);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      assertThat(failedOpen()).isGreaterThan(failedOpenBefore);
      assertThat(sample("shopverse_gateway_ratelimit_redis_errors_total", "policy=\"general\""))
          .isPositive();
      assertThat(sample("shopverse_gateway_ratelimit_redis_errors_total", "policy=\"auth\""))
          .isPositive();
      assertThat(
              sample(
                  "shopverse_gateway_ratelimit_requests_total",
                  "policy=\"auth\"",
                  "outcome=\"fallback_limited\""))
          .isPositive();
    } finally {
      redis = RedisOnPort.start(REDIS_PORT);
    }

    // Back in Redis (a fresh, empty one): buckets counted there again, headers and all.
    awaitRedisLimits();
    String after = newClientIp();
    for (int i = 0; i < GENERAL_BURST; i++) {
      assertThat(catalog(after, null).statusCode()).isEqualTo(200);
    }
    assertThat(catalog(after, null).statusCode()).isEqualTo(429);
    // The login bucket in the new Redis is full, whereas the in-process one is still empty.
    assertThat(post("/api/auth/login", login, null).statusCode()).isEqualTo(200);
  }

  @Test
  void aFrozenRedisDoesNotHoldRequestsLongerThanItsTimeout() {
    String ip = newClientIp();
    redis.pause();
    try {
      for (int i = 0; i < 10; i++) {
        long start = System.nanoTime();
        HttpResponse<String> response = catalog(ip, null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(response.statusCode()).isEqualTo(200);
        // Redis timeout is 100 ms; allow for a loaded two-core machine.
        assertThat(millis).isLessThan(1_000);
      }
      assertThat(post("/api/auth/login", ip, null).statusCode()).isEqualTo(200);
    } finally {
      redis.resume();
    }
    awaitRedisLimits();
  }

  @Test
  void showsDecisionsAndCircuitBreakerStateOnThePrometheusPage() {
    String ip = newClientIp();
    for (int i = 0; i <= GENERAL_BURST; i++) {
      catalog(ip, null);
    }
    assertThat(
            sample(
                "shopverse_gateway_ratelimit_requests_total",
                "policy=\"general\"",
                "outcome=\"allowed\""))
        .isGreaterThanOrEqualTo(GENERAL_BURST);
    assertThat(
            sample(
                "shopverse_gateway_ratelimit_requests_total",
                "policy=\"general\"",
                "outcome=\"limited\""))
        .isPositive();
    assertThat(
            Prometheus.has(
                new TestHttp(port), "resilience4j_circuitbreaker_state", "name=\"catalog\""))
        .isTrue();
    assertThat(
            Prometheus.has(
                new TestHttp(port),
                "resilience4j_circuitbreaker_state",
                "name=\"" + RedisBuckets.BREAKER + "\""))
        .isTrue();
  }

  /**
   * Until Redis answers again: a request carries the bucket's headers and Redis' breaker is closed
   * (it half-opens after 300 ms here and closes after two good probes).
   */
  private void awaitRedisLimits() {
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                catalog(newClientIp(), null).headers().firstValue("RateLimit-Remaining").isPresent()
                    && sample(
                            "resilience4j_circuitbreaker_state",
                            "name=\"" + RedisBuckets.BREAKER + "\"",
                            "state=\"closed\"")
                        == 1.0);
  }

  private double failedOpen() {
    return sample(
        "shopverse_gateway_ratelimit_requests_total",
        "policy=\"general\"",
        "outcome=\"failed_open\"");
  }

  private double sample(String name, String... labels) {
    return Prometheus.sample(new TestHttp(port), name, labels);
  }

  private HttpResponse<String> catalog(String ip, String token) {
    return http().send("GET", "/api/catalog/products", null, token, "X-Forwarded-For", ip);
  }

  private HttpResponse<String> post(String path, String ip, String token) {
    return http().send("POST", path, "{}", token, "X-Forwarded-For", ip);
  }

  /** A documentation-range address (RFC 5737) no other test uses. */
  private static String newClientIp() {
    int n = clients.getAndIncrement();
    return "203.0." + (n / 250) + "." + (1 + n % 250);
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
