package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A shopper's whole journey through the gateway with every service real: register, search, fill a
 * cart, check out (order-service reserving stock at catalog-service with a client-credentials token
 * from auth-service), follow the order; the order's events leave through the outbox.
 */
@Order(2)
class ShopperJourneyIT {

  static Stack stack;
  static Gateway gateway;
  static final ObjectMapper json = Gateway.json;

  @BeforeAll
  static void up() {
    stack = SharedStack.get();
    gateway = new Gateway(stack);
  }

  @Test
  void searchesFillsACartChecksOutOnceAndFollowsTheOrder() throws Exception {
    String token = registeredShopper();
    // Other classes on the shared stack check out too (and a failed checkout publishes a
    // CheckoutFailed): this journey counts its own events, after theirs have left.
    double publishedBefore = settledOutboxPublished(8083);

    JsonNode found = json.readTree(get("/api/catalog/products?q=headphones&limit=5", null).body());
    assertThat(found.get("items").size()).isPositive();
    String productId = null;
    for (JsonNode item : found.get("items")) {
      if (item.get("inStock").asBoolean() && productId == null) {
        productId = item.get("id").asText();
      }
    }
    assertThat(productId).as("an in-stock search hit").isNotNull();
    int stockBefore = stock(productId);

    assertThat(
            gateway
                .post(
                    "/api/cart/items",
                    "{\"productId\":\"" + productId + "\",\"quantity\":2}",
                    token)
                .statusCode())
        .isBetween(200, 201);
    JsonNode cart = json.readTree(get("/api/cart", token).body());
    assertThat(cart.toString()).contains(productId);

    String key = UUID.randomUUID().toString();
    HttpResponse<String> placed =
        gateway.post("/api/checkout", "{}", token, "Idempotency-Key", key);
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode order = json.readTree(placed.body());
    String orderId = order.get("id").asText();
    assertThat(order.get("status").asText()).isEqualTo("PAID");

    HttpResponse<String> replayed =
        gateway.post("/api/checkout", "{}", token, "Idempotency-Key", key);
    assertThat(replayed.statusCode()).isEqualTo(201);
    assertThat(json.readTree(replayed.body()).get("id").asText()).isEqualTo(orderId);
    assertThat(stock(productId)).as("reserved once, not twice").isEqualTo(stockBefore - 2);

    HttpResponse<String> followed = get("/api/orders/" + orderId, token);
    assertThat(followed.statusCode()).isEqualTo(200);
    assertThat(followed.body()).contains("\"status\":\"PAID\"", productId);
    assertThat(get("/api/orders/" + orderId, registeredShopper()).statusCode()).isEqualTo(404);

    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (outboxPublished(8083) < publishedBefore + 2 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(500); // a duplicate would be published by now
    assertThat(outboxPublished(8083) - publishedBefore)
        .as("OrderPlaced and OrderPaid on order-events")
        .isEqualTo(2);
  }

  private String registeredShopper() throws Exception {
    return gateway.registeredShopper("journey").accessToken();
  }

  private int stock(String productId) throws Exception {
    return json.readTree(get("/api/catalog/products/" + productId, null).body())
        .get("stock")
        .asInt();
  }

  /** The published-events counter once the relay has nothing pending (at most 15 s). */
  private double settledOutboxPublished(int basePort) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (sum(metrics(basePort), "shopverse_outbox_pending") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    return outboxPublished(basePort);
  }

  /** The outbox relay's published-events counter, straight from the service's own endpoint. */
  private double outboxPublished(int basePort) throws Exception {
    return sum(metrics(basePort), "shopverse_outbox_published_total");
  }

  private String metrics(int basePort) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + stack.port(basePort) + "/actuator/prometheus"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The sum of a metric's samples over its label sets. */
  private static double sum(String metrics, String name) {
    Matcher matcher = Pattern.compile("(?m)^" + name + "\\{[^}]*} ([0-9.eE+]+)$").matcher(metrics);
    double total = 0;
    while (matcher.find()) {
      total += Double.parseDouble(matcher.group(1));
    }
    return total;
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return gateway.get(path, token);
  }
}
