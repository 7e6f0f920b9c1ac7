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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton, end to end through the gateway of a stack started by {@code ./shopverse
 * up}: log in, browse, send a view, see it trending. Every part is real.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1)
class WalkingSkeletonIT {

  static Stack stack;
  static final ObjectMapper json = new ObjectMapper();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void up() {
    stack = SharedStack.get();
  }

  @Test
  @Order(1)
  void aViewedProductBecomesTrendingThroughTheGateway() throws Exception {
    String email = "e2e-" + UUID.randomUUID() + "@example.com";
    String credentials = "{\"email\":\"" + email + "\",\"password\":\"e2e-password\"}";
    assertThat(post("/api/auth/register", credentials, null).statusCode()).isEqualTo(201);
    HttpResponse<String> login = post("/api/auth/login", credentials, null);
    assertThat(login.statusCode()).isEqualTo(200);
    String token = json.readTree(login.body()).get("access_token").asText();

    HttpResponse<String> products = get("/api/catalog/products?category=c-audio&limit=10");
    assertThat(products.statusCode()).isEqualTo(200);
    JsonNode items = json.readTree(products.body()).get("items");
    assertThat(items.size()).isEqualTo(10);
    String productId = null;
    for (JsonNode item : items) {
      if (item.get("inStock").asBoolean()) { // trending never lists what cannot be bought
        productId = item.get("id").asText();
      }
    }

    String event =
        "{\"type\":\"PRODUCT_VIEWED\",\"productId\":\""
            + productId
            + "\",\"categoryId\":\"c-audio\",\"source\":\"web\"}";
    long sent = System.nanoTime();
    HttpResponse<String> accepted = post("/api/events", event, token);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

    long deadline = sent + Duration.ofSeconds(15).toNanos();
    String trending = "";
    while (System.nanoTime() < deadline) {
      trending = get("/api/recommendations/trending?window=1h&limit=20").body();
      if (trending.contains(productId)) {
        break;
      }
      Thread.sleep(100);
    }
    long freshnessMillis = (System.nanoTime() - sent) / 1_000_000;
    System.out.println(
        "Freshness (accepted -> trending through the gateway): " + freshnessMillis + " ms");
    assertThat(trending)
        .contains("\"productId\":\"" + productId + "\"")
        .contains("trending in the last 1h");
    assertThat(freshnessMillis).isLessThan(15_000);
  }

  @Test
  @Order(2)
  void protectedRoutesRefuseRequestsWithoutAToken() throws Exception {
    assertThat(get("/api/orders").statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    var request =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port(8080) + path))
        .timeout(Duration.ofSeconds(10));
  }
}
