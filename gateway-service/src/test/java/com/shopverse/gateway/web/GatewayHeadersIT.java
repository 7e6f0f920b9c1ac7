package com.shopverse.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.gateway.TestBackend;
import com.shopverse.testsupport.LocalProcess;
import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What a backend receives: no identity a client made up, the token unchanged, a request id. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayHeadersIT {

  static final TestTokens tokens = TestTokens.start();
  static final TestBackend backend = new TestBackend();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    backend.route(registry);
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
    registry.add("GATEWAY_RATE_LIMIT_ENABLED", () -> false);
    registry.add("REDIS_PORT", LocalProcess::freePort);
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
  void stripsEveryClientSuppliedIdentityHeaderAndForwardsTheTokenUnchanged() {
    String token = tokens.customer("alice");

    HttpResponse<String> response =
        http()
            .send(
                "GET",
                "/api/orders",
                null,
                token,
                "X-User-Id",
                "admin",
                "x-user-roles",
                "ADMIN",
                "X-Roles",
                "ADMIN",
                "X-Auth-User",
                "admin",
                "X-Forwarded-User",
                "admin",
                "X-Authenticated-User-Id",
                "admin",
                "X-Authenticated-Scopes",
                "all",
                "X-Shopper-Id",
                "someone-else",
                "X-Custom",
                "kept");

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, String> headers = backend.received().get(0).headers();
    assertThat(headers)
        .doesNotContainKeys(
            "x-user-id",
            "x-user-roles",
            "x-roles",
            "x-auth-user",
            "x-forwarded-user",
            "x-authenticated-user-id",
            "x-authenticated-scopes",
            "x-shopper-id")
        .containsEntry("authorization", "Bearer " + token)
        .containsEntry("x-custom", "kept");
  }

  @Test
  void namesTheClientToTheBackendByItsAddressNotByWhatItClaims() {
    HttpResponse<String> response =
        http()
            .send(
                "GET",
                "/api/catalog/products",
                null,
                null,
                "X-Client-Ip",
                "198.51.100.66",
                "X-Forwarded-For",
                "198.51.100.67");

    assertThat(response.statusCode()).isEqualTo(200);
    // No trusted proxies are configured: the TCP peer is the client, whatever the headers say.
    assertThat(backend.received().get(0).headers()).containsEntry("x-client-ip", "127.0.0.1");
  }

  @Test
  void keepsASaneClientRequestIdOnTheBackendRequestAndTheResponse() {
    HttpResponse<String> response =
        http().getWithHeaders("/api/catalog/products", "X-Request-Id", "web-7f3a_19");

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("web-7f3a_19");
    assertThat(backend.received().get(0).headers()).containsEntry("x-request-id", "web-7f3a_19");
  }

  @Test
  void replacesAMissingOrUnsafeRequestIdWithAUuid() {
    String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    for (String bad : new String[] {null, "a b", "x".repeat(65), "<script>", "id\u00e9"}) {
      HttpResponse<String> response =
          bad == null
              ? http().get("/api/catalog/products")
              : http().getWithHeaders("/api/catalog/products", "X-Request-Id", bad);
      String id = response.headers().firstValue("X-Request-Id").orElseThrow();
      assertThat(id).as(String.valueOf(bad)).matches(uuid);
      assertThat(backend.received().get(backend.received().size() - 1).headers())
          .containsEntry("x-request-id", id);
    }
  }

  @Test
  void putsARequestIdOnAnswersTheGatewayGivesItself() {
    HttpResponse<String> unauthorized = http().get("/api/orders");

    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(backend.received()).isEmpty();
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
