package com.shopverse.order;

import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the order-service integration tests share, so they share one application context too: a real
 * PostgreSQL, a JWKS-serving token issuer, and the catalog (and token endpoint) stand-in. The
 * outbox relay is off here (its rows stay in the table to be read); {@code OrderEventsKafkaIT} runs
 * it against a real broker.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "shopverse.outbox.enabled=false",
      "shopverse.order.payment.sandbox.timeout=300ms",
      "shopverse.order.catalog.client-secret=" + CatalogStandIn.CLIENT_SECRET
    })
public abstract class OrderServiceTestBase {

  protected static final LocalPostgres postgres = LocalPostgres.start();
  protected static final TestTokens tokens = TestTokens.start();
  protected static final CatalogStandIn catalog = new CatalogStandIn();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  catalog.close();
                  tokens.close();
                  postgres.close();
                }));
  }

  private static final JsonMapper JSON = new JsonMapper();

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=orders");
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
    registry.add("shopverse.order.catalog.url", catalog::url);
    registry.add("shopverse.order.catalog.token-uri", () -> catalog.url() + "/oauth2/token");
  }

  protected TestHttp http() {
    return new TestHttp(port);
  }

  /** A fresh shopper's token (each test its own shopper, so tests do not share carts). */
  protected static String newShopper() {
    return tokens.customer("shopper-" + UUID.randomUUID());
  }

  protected static String admin() {
    return tokens.token(
        "admin-" + UUID.randomUUID(),
        List.of("ADMIN"),
        TestTokens.ISSUER,
        TestTokens.AUDIENCE,
        Duration.ofMinutes(15));
  }

  /** A product id no other test uses. */
  protected static String newProduct(long priceMinor, int units) {
    String id = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    catalog.product(id, "Product " + id, priceMinor, units);
    return id;
  }

  protected HttpResponse<String> addToCart(String token, String productId, int quantity) {
    return http()
        .post(
            "/api/cart/items",
            "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}",
            token);
  }

  protected HttpResponse<String> checkout(String token, String key, String body) {
    return key == null
        ? http().send("POST", "/api/checkout", body, token)
        : http().send("POST", "/api/checkout", body, token, "Idempotency-Key", key);
  }

  protected static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }
}
