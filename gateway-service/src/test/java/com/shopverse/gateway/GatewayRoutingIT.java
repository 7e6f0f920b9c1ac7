package com.shopverse.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway in front of a real HTTP backend that records what reaches it: good requests pass with
 * their token, bad tokens are stopped at the door.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingIT {

  static final TestTokens tokens = TestTokens.start();
  static final List<String> reached = new CopyOnWriteArrayList<>();
  static final HttpServer backend = startBackend();

  @LocalServerPort int port;

  static HttpServer startBackend() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            reached.add(
                exchange.getRequestMethod()
                    + " "
                    + exchange.getRequestURI()
                    + " auth="
                    + (auth != null));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    String url = "http://127.0.0.1:" + backend.getAddress().getPort();
    for (String service :
        List.of("AUTH_URL", "CATALOG_URL", "ORDER_URL", "INGEST_URL", "RECOMMENDATION_URL")) {
      registry.add(service, () -> url);
    }
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @BeforeEach
  void forget() {
    reached.clear();
  }

  @AfterAll
  static void stop() {
    backend.stop(0);
    tokens.close();
  }

  @Test
  void letsCatalogReadsThroughWithoutAToken() throws Exception {
    assertThat(http().get("/api/catalog/products", null).statusCode()).isEqualTo(200);
    assertThat(reached).containsExactly("GET /api/catalog/products auth=false");
  }

  @Test
  void forwardsAValidTokenToProtectedRoutes() throws Exception {
    assertThat(http().get("/api/orders", tokens.customer("alice")).statusCode()).isEqualTo(200);
    assertThat(reached).containsExactly("GET /api/orders auth=true");
  }

  @Test
  void routesTheCartAndCheckoutToOrderServiceOnlyWithAToken() throws Exception {
    String alice = tokens.customer("alice");
    assertThat(http().get("/api/cart", alice).statusCode()).isEqualTo(200);
    assertThat(http().post("/api/cart/items", "{}", alice).statusCode()).isEqualTo(200);
    assertThat(http().post("/api/checkout", "{}", alice).statusCode()).isEqualTo(200);
    assertThat(http().post("/api/checkout", "{}", null).statusCode()).isEqualTo(401);
    assertThat(reached)
        .containsExactly(
            "GET /api/cart auth=true",
            "POST /api/cart/items auth=true",
            "POST /api/checkout auth=true");
  }

  @Test
  void stopsProtectedRoutesWithoutAToken() throws Exception {
    assertThat(http().get("/api/orders", null).statusCode()).isEqualTo(401);
    assertThat(reached).isEmpty();
  }

  @Test
  void stopsTokensWithTheWrongAudienceIssuerOrExpiry() throws Exception {
    List<String> bad =
        List.of(
            tokens.token(
                "a", List.of("CUSTOMER"), TestTokens.ISSUER, "other-app", Duration.ofMinutes(5)),
            tokens.token(
                "a",
                List.of("CUSTOMER"),
                "http://evil",
                TestTokens.AUDIENCE,
                Duration.ofMinutes(5)),
            tokens.token(
                "a",
                List.of("CUSTOMER"),
                TestTokens.ISSUER,
                TestTokens.AUDIENCE,
                Duration.ofMinutes(-5)));
    for (String token : bad) {
      assertThat(http().get("/api/orders", token).statusCode()).isEqualTo(401);
      // A bad token is refused even on a public route.
      assertThat(http().get("/api/catalog/products", token).statusCode()).isEqualTo(401);
    }
    assertThat(reached).isEmpty();
  }

  @Test
  void stopsAnUnsignedToken() throws Exception {
    String valid = tokens.customer("alice");
    String header =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes());
    String unsigned = header + "." + valid.split("\\.")[1] + ".";

    assertThat(http().get("/api/orders", unsigned).statusCode()).isEqualTo(401);
    assertThat(reached).isEmpty();
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
