package com.shopverse.gateway.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.gateway.TestBackend;
import com.shopverse.testsupport.LocalProcess;
import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Timeouts, breakers, retries and size limits in front of a real HTTP backend that can be slow or
 * fail on demand, and a "recommendations" backend that is not running at all. Each behaviour uses
 * its own route so one test's failures do not trip another's breaker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayResilienceIT {

  static final TestTokens tokens = TestTokens.start();
  static final TestBackend backend = new TestBackend();
  static final HangUpBackend hangUp = new HangUpBackend();
  static final int DEAD_PORT = LocalProcess.freePort();
  static final int ORDERS_TIMEOUT_MS = 700;

  @LocalServerPort int port;
  @Autowired CircuitBreakerRegistry breakers;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    for (String service : List.of("CATALOG_URL", "ORDER_URL", "INGEST_URL")) {
      registry.add(service, backend::url);
    }
    registry.add("AUTH_URL", hangUp::url);
    registry.add("RECOMMENDATION_URL", () -> "http://127.0.0.1:" + DEAD_PORT);
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
    registry.add("GATEWAY_ORDERS_TIMEOUT_MS", () -> ORDERS_TIMEOUT_MS);
    registry.add("GATEWAY_BREAKER_MIN_CALLS", () -> 4);
    registry.add("GATEWAY_BREAKER_WINDOW", () -> 4);
    registry.add("GATEWAY_BREAKER_OPEN", () -> "30s");
    // No Redis here: general limits off, so nothing but the behaviour under test is in the way.
    registry.add("GATEWAY_RATE_LIMIT_ENABLED", () -> false);
    registry.add("REDIS_PORT", LocalProcess::freePort);
  }

  @BeforeEach
  void forget() {
    backend.forget();
    hangUp.forget();
  }

  @AfterAll
  static void stop() throws Exception {
    hangUp.close();
    backend.close();
    tokens.close();
  }

  @Test
  void answersASlowBackendWith504WithinTheRouteTimeoutAndDoesNotRetryIt() {
    backend.slow("/api/orders/slow", Duration.ofSeconds(4));

    long start = System.nanoTime();
    HttpResponse<String> response = http().get("/api/orders/slow", tokens.customer("alice"));
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(millis).isBetween((long) ORDERS_TIMEOUT_MS, 3_000L);
    assertProblem(response, "gateway-timeout");
    assertThat(response.body()).contains("\"service\":\"orders\"");
    assertThat(backend.lines()).containsExactly("GET /api/orders/slow");
  }

  @Test
  void opensOneBreakerForOrderServiceWhenTheCartRouteTimesOutSoCheckoutFailsFastToo() {
    // The orders breaker is shared with the slow-backend test above: start from a closed one, and
    // leave it closed for whichever test runs next. (find, not circuitBreaker(name): that would
    // create it here with Resilience4j's defaults instead of the gateway's.)
    resetOrdersBreaker();
    backend.slow("/api/cart/slow", Duration.ofSeconds(4));
    try {
      for (int i = 0; i < 4; i++) {
        assertThat(http().get("/api/cart/slow", tokens.customer("alice")).statusCode())
            .isEqualTo(504);
      }
      backend.forget();

      HttpResponse<String> checkout = http().post("/api/checkout", "{}", tokens.customer("alice"));
      HttpResponse<String> history = http().get("/api/orders", tokens.customer("alice"));

      assertThat(checkout.statusCode()).isEqualTo(503);
      assertProblem(checkout, "service-unavailable");
      // Named after the backend, not the route: cart, checkout and orders are all order-service.
      assertThat(checkout.body()).contains("\"service\":\"orders\"");
      assertThat(history.statusCode()).isEqualTo(503);
      assertThat(backend.lines()).isEmpty();
      // Other backends keep their own breakers.
      assertThat(http().get("/api/catalog/products").statusCode()).isEqualTo(200);
    } finally {
      resetOrdersBreaker();
    }
  }

  private void resetOrdersBreaker() {
    breakers.find("orders").ifPresent(CircuitBreaker::reset);
  }

  @Test
  void opensTheBreakerOfADeadBackendThenAnswers503FastNamingTheService() {
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> refused = http().get("/api/recommendations/trending");
      assertThat(refused.statusCode()).isEqualTo(502);
      assertProblem(refused, "bad-gateway");
    }

    long start = System.nanoTime();
    HttpResponse<String> open = http().get("/api/recommendations/trending");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(open.statusCode()).isEqualTo(503);
    assertProblem(open, "service-unavailable");
    assertThat(open.body()).contains("\"service\":\"recommendations\"");
    assertThat(open.headers().firstValue("Retry-After")).hasValue("30");
    // Retries back off 50 + 100 ms per refused call; an open breaker tries nothing.
    assertThat(millis).isLessThan(150);
  }

  @Test
  void retriesAGetThatFailedOnceWith503AndTheClientSeesTheSuccess() {
    backend.fail("/api/catalog/flaky", 503, 1);

    HttpResponse<String> response = http().get("/api/catalog/flaky");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(backend.lines()).containsExactly("GET /api/catalog/flaky", "GET /api/catalog/flaky");
  }

  @Test
  void doesNotRetryAGetThatFailedWith500() {
    backend.fail("/api/catalog/broken", 500, 1);

    assertThat(http().get("/api/catalog/broken").statusCode()).isEqualTo(500);
    assertThat(backend.lines()).containsExactly("GET /api/catalog/broken");
  }

  @Test
  void neverRetriesAPost() {
    backend.fail("/api/events", 503, 1);

    HttpResponse<String> response = http().post("/api/events", "{}");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(backend.lines()).containsExactly("POST /api/events");
  }

  @Test
  void answersABackendThatHangsUpBeforeAnsweringWith502AndDoesNotRetryThePost() {
    HttpResponse<String> response =
        http().post("/api/auth/login", "{\"email\":\"a@example.com\",\"password\":\"x\"}");

    assertThat(response.statusCode()).isEqualTo(502);
    assertProblem(response, "bad-gateway");
    assertThat(response.body()).contains("\"service\":\"auth\"", "closed the connection");
    assertThat(hangUp.requests()).isEqualTo(1);
  }

  @Test
  void retriesAGetWhoseBackendHungUpThenAnswers502() {
    HttpResponse<String> response = http().get("/api/auth/whoami", tokens.customer("alice"));

    assertThat(response.statusCode()).isEqualTo(502);
    assertProblem(response, "bad-gateway");
    assertThat(hangUp.requests()).isEqualTo(3); // the first try and GATEWAY_RETRY_ATTEMPTS (2)
  }

  @Test
  void refusesABodyOverTheLimitWith413BeforeItReachesTheBackend() {
    String oversized = "x".repeat(1024 * 1024 + 1);

    HttpResponse<String> response = http().post("/api/events", oversized);

    assertThat(response.statusCode()).isEqualTo(413);
    assertProblem(response, "payload-too-large");
    assertThat(backend.lines()).isEmpty();
  }

  @Test
  void letsTheEventsBatchRouteCarryMoreThanTheDefaultLimit() {
    String batch = "x".repeat(1536 * 1024);

    assertThat(http().post("/api/events/batch", batch).statusCode()).isEqualTo(200);
    assertThat(backend.received()).hasSize(1);
    assertThat(backend.received().get(0).bodyBytes()).isEqualTo(batch.length());
    assertThat(http().post("/api/events/batch", "x".repeat(2 * 1024 * 1024 + 1)).statusCode())
        .isEqualTo(413);
  }

  @Test
  void letsMoreConcurrentCallsThroughThanResilience4jsDefaultBulkheadOf25() throws Exception {
    backend.slow("/api/catalog/busy", Duration.ofMillis(300));
    java.util.concurrent.ExecutorService clients =
        java.util.concurrent.Executors.newFixedThreadPool(40);
    try {
      List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        calls.add(clients.submit(() -> http().get("/api/catalog/busy").statusCode()));
      }
      for (java.util.concurrent.Future<Integer> call : calls) {
        assertThat(call.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void answersAnUnknownPathWithANotFoundProblem() {
    HttpResponse<String> response = http().get("/api/nowhere", tokens.customer("alice"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertProblem(response, "not-found");
    assertThat(backend.lines()).isEmpty();
  }

  private static void assertProblem(HttpResponse<String> response, String type) {
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("\"type\":\"https://shopverse.dev/problems/" + type + "\"")
        .contains("\"status\":" + response.statusCode());
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
