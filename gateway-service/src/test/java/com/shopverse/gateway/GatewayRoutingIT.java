package com.shopverse.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
  void timesEachShopperJourneyUnderItsOwnRouteIdWithTheSloBuckets() {
    String alice = tokens.customer("alice");
    double cart = requests("cart");
    double checkout = requests("checkout");
    double orders = requests("orders");
    double catalog = requests("catalog");

    http().get("/api/cart", alice);
    http().post("/api/cart/items", "{}", alice);
    http().post("/api/checkout", "{}", alice);
    http().get("/api/orders/o-1", alice);
    http().get("/api/catalog/products", null);

    // The metrics filter records when the exchange completes, a moment after the client has read
    // it.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(requests("cart") - cart).isEqualTo(2);
              assertThat(requests("checkout") - checkout).isEqualTo(1);
              assertThat(requests("orders") - orders).isEqualTo(1);
              assertThat(requests("catalog") - catalog).isEqualTo(1);
            });
    List<String> buckets =
        lines("spring_cloud_gateway_requests_seconds_bucket{", "routeId=\"checkout\"").stream()
            .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
            .toList();
    assertThat(buckets)
        .containsExactly("0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf");
  }

  @Test
  void sharesOneCircuitBreakerAmongTheOrderServiceRoutes() {
    String alice = tokens.customer("alice");
    http().get("/api/cart", alice);
    http().post("/api/checkout", "{}", alice);
    http().get("/api/orders", alice);

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(lines("resilience4j_circuitbreaker_state{", "name=\"orders\""))
                    .isNotEmpty());
    for (String routeOnly : List.of("cart", "checkout")) {
      assertThat(lines("resilience4j_circuitbreaker_state{", "name=\"" + routeOnly + "\""))
          .isEmpty();
    }
  }

  /** Requests the gateway's metrics filter counted for a route, summed over method and status. */
  private double requests(String routeId) {
    return lines("spring_cloud_gateway_requests_seconds_count{", "routeId=\"" + routeId + "\"")
        .stream()
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private List<String> lines(String prefix, String label) {
    return java.util.Arrays.stream(http().get("/actuator/prometheus").body().split("\n"))
        .filter(line -> line.startsWith(prefix) && line.contains(label))
        .toList();
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
