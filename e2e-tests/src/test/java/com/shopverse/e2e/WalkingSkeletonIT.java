package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
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

  static Gateway gateway;
  static final ObjectMapper json = Gateway.json;

  @BeforeAll
  static void up() {
    gateway = new Gateway(SharedStack.get());
  }

  @Test
  @Order(1)
  void aViewedProductBecomesTrendingThroughTheGateway() throws Exception {
    String token = gateway.registeredShopper("e2e").accessToken();

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
    return gateway.get(path, null);
  }

  private HttpResponse<String> post(String path, String body, String token) throws Exception {
    return gateway.post(path, body, token);
  }
}
