package com.shopverse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What the gateway adds to every answer: public routes, problem details, headers and CORS. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "shopverse.gateway.security.cors.allowed-origins=https://shop.example")
class GatewayEdgeIT {

  static final TestTokens tokens = TestTokens.start();
  static final TestBackend backend = new TestBackend();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    backend.route(registry);
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @BeforeEach
  void forget() {
    backend.forget();
  }

  @AfterAll
  static void stop() {
    backend.close();
    tokens.close();
  }

  @Test
  void letsThePublicRoutesThroughWithoutAToken() {
    List<String[]> open =
        List.of(
            new String[] {"POST", "/api/auth/register"},
            new String[] {"POST", "/api/auth/login"},
            new String[] {"POST", "/api/auth/token"},
            new String[] {"POST", "/api/auth/refresh"},
            new String[] {"POST", "/api/auth/logout"},
            new String[] {"GET", "/api/catalog/products"},
            new String[] {"GET", "/api/catalog/products/P00001"},
            new String[] {"GET", "/api/catalog/categories"},
            new String[] {"GET", "/api/recommendations/trending"},
            new String[] {"POST", "/api/events"},
            new String[] {"POST", "/api/events/batch"});
    for (String[] route : open) {
      assertThat(http().send(route[0], route[1], "{}", null).statusCode())
          .as("%s %s", route[0], route[1])
          .isEqualTo(200);
    }
    assertThat(backend.received()).hasSize(open.size());
  }

  @Test
  void answersAMissingTokenWithAProblemAndABareBearerChallenge() {
    for (String[] route :
        List.of(
            new String[] {"GET", "/api/orders"},
            new String[] {"GET", "/api/cart"},
            new String[] {"POST", "/api/checkout"},
            new String[] {"PUT", "/api/catalog/products/P00001"},
            new String[] {"GET", "/api/auth/me"})) {
      HttpResponse<String> response = http().send(route[0], route[1], "{}", null);
      assertThat(response.statusCode()).as("%s %s", route[0], route[1]).isEqualTo(401);
      assertThat(response.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/problem+json");
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      assertThat(response.body())
          .contains("\"type\":\"https://shopverse.dev/problems/authentication-required\"")
          .contains("\"status\":401");
    }
    assertThat(backend.received()).isEmpty();
  }

  @Test
  void setsTheSecurityHeadersOnProxiedAndRefusedResponses() {
    for (HttpResponse<String> response :
        List.of(
            http().get("/api/catalog/products", null),
            http().get("/api/orders", tokens.customer("alice")),
            http().get("/api/orders", null))) {
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValue("default-src 'none'; frame-ancestors 'none'");
      assertThat(response.headers().firstValue("Strict-Transport-Security").orElseThrow())
          .startsWith("max-age=31536000");
    }
  }

  @Test
  void marksOnlyResponsesToRequestsWithCredentialsAsNotStorable() {
    assertThat(
            http()
                .get("/api/orders", tokens.customer("alice"))
                .headers()
                .firstValue("Cache-Control"))
        .hasValue("no-store");
    assertThat(
            http()
                .get("/api/catalog/products", tokens.customer("alice"))
                .headers()
                .firstValue("Cache-Control"))
        .hasValue("no-store");
    assertThat(http().get("/api/catalog/products", null).headers().firstValue("Cache-Control"))
        .isEmpty();
  }

  @Test
  void answersAPreflightFromAnAllowedOriginWithoutAToken() {
    HttpResponse<String> response =
        http()
            .send(
                "OPTIONS",
                "/api/orders",
                null,
                null,
                "Origin",
                "https://shop.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://shop.example");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("POST");
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .containsIgnoringCase("authorization");
    assertThat(backend.received()).isEmpty();

    HttpResponse<String> actual =
        http().send("GET", "/api/catalog/products", null, null, "Origin", "https://shop.example");
    assertThat(actual.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("https://shop.example");
  }

  @Test
  void refusesAPreflightFromAnotherOriginAndGivesItNoCorsHeaders() {
    HttpResponse<String> preflight =
        http()
            .send(
                "OPTIONS",
                "/api/orders",
                null,
                null,
                "Origin",
                "http://localhost:3000",
                "Access-Control-Request-Method",
                "POST");
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    HttpResponse<String> actual =
        http().send("GET", "/api/catalog/products", null, null, "Origin", "https://evil.example");
    assertThat(actual.statusCode()).isEqualTo(403);
    assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(backend.received()).isEmpty();
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
