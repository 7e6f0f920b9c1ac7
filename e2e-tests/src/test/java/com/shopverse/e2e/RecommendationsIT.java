package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The model learning in real time, end to end through the gateway: shoppers' sessions go through
 * ingest, Kafka and the Flink job into ClickHouse; a new shopper views one product and its
 * co-visited neighbours show up in their personalised list, with the reason. Out-of-stock products
 * never show up.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class RecommendationsIT {

  static Gateway gateway;
  static final ObjectMapper json = Gateway.json;

  /** An in-stock product A, its companion B (in stock) and C (out of stock). */
  static String a;

  static String b;
  static String soldOut;

  @BeforeAll
  static void shoppersBrowseTogether() throws Exception {
    gateway = new Gateway(SharedStack.get());
    List<String> inStock = new ArrayList<>();
    soldOut = null;
    JsonNode items =
        json.readTree(get("/api/catalog/products?category=c-books&limit=100", null).body())
            .get("items");
    for (JsonNode item : items) {
      if (item.get("inStock").asBoolean()) {
        inStock.add(item.get("id").asText());
      } else if (soldOut == null) {
        soldOut = item.get("id").asText();
      }
    }
    assertThat(soldOut).as("the demo catalog has an out-of-stock book").isNotNull();
    a = inStock.get(3);
    b = inStock.get(4);
    // Five anonymous shoppers each view A, view the sold-out book, view B and put B in the cart.
    StringBuilder batch = new StringBuilder("[");
    for (int shopper = 0; shopper < 5; shopper++) {
      String anonymousId = "e2e-" + UUID.randomUUID();
      for (String[] step :
          new String[][] {
            {"PRODUCT_VIEWED", a},
            {"PRODUCT_VIEWED", soldOut},
            {"PRODUCT_VIEWED", b},
            {"ADDED_TO_CART", b}
          }) {
        batch.append(batch.length() > 1 ? "," : "").append(event(step[0], step[1], anonymousId));
      }
    }
    HttpResponse<String> accepted = post("/api/events/batch", batch.append("]").toString(), null);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
  }

  @Test
  @Order(1)
  void aNewShoppersViewBringsItsNeighboursIntoTheirListWithTheReason() throws Exception {
    String token = login();

    long sent = System.nanoTime();
    HttpResponse<String> accepted = post("/api/events", event("PRODUCT_VIEWED", a, null), token);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String list =
        // Until B is there for this shopper's view: B may show up earlier as merely popular.
        poll(
            "/api/recommendations/for-you?limit=20",
            token,
            body -> body.contains("because you viewed " + a),
            sent);

    assertThat(list).contains("\"productId\":\"" + b + "\"", "because you viewed " + a);
    assertThat(list).doesNotContain(soldOut);
    assertThat(get("/api/recommendations/recently-viewed", token).body()).contains(a);
  }

  @Test
  @Order(2)
  void anAnonymousShoppersSessionIsPersonalisedToo() throws Exception {
    String anonymousId = "e2e-anon-" + UUID.randomUUID();
    long sent = System.nanoTime();
    assertThat(post("/api/events", event("PRODUCT_VIEWED", a, anonymousId), null).statusCode())
        .isEqualTo(202);

    String list = pollAnonymous("/api/recommendations/for-you?limit=20", anonymousId, b, sent);

    assertThat(list).contains(b).doesNotContain(soldOut);
  }

  @Test
  @Order(3)
  void similarProductsComeFromTheSessionsAndNeverOutOfStock() throws Exception {
    String similar = get("/api/recommendations/similar/" + a + "?limit=20", null).body();

    assertThat(similar).contains("\"productId\":\"" + b + "\"").doesNotContain(soldOut);
    assertThat(get("/api/recommendations/similar/" + a + "?limit=500", null).statusCode())
        .isEqualTo(400);
  }

  private static String poll(String path, String token, Predicate<String> done, long sentNanos)
      throws Exception {
    String body = "";
    while (System.nanoTime() - sentNanos < Duration.ofSeconds(20).toNanos()) {
      body = get(path, token).body();
      if (done.test(body)) {
        System.out.println(
            "Freshness (view accepted -> neighbours in for-you through the gateway): "
                + (System.nanoTime() - sentNanos) / 1_000_000
                + " ms");
        return body;
      }
      Thread.sleep(50);
    }
    return body;
  }

  private static String pollAnonymous(String path, String anonymousId, String wanted, long sent)
      throws Exception {
    String body = "";
    while (System.nanoTime() - sent < Duration.ofSeconds(20).toNanos()) {
      body = gateway.get(path, null, "X-Anonymous-Id", anonymousId).body();
      if (body.contains(wanted)) {
        return body;
      }
      Thread.sleep(50);
    }
    return body;
  }

  private static String login() throws Exception {
    return gateway.registeredShopper("e2e").accessToken();
  }

  private static String event(String type, String productId, String anonymousId) {
    return "{\"type\":\"%s\",\"productId\":\"%s\",\"categoryId\":\"c-books\",\"source\":\"web\"%s}"
        .formatted(
            type, productId, anonymousId == null ? "" : ",\"anonymousId\":\"" + anonymousId + "\"");
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return gateway.get(path, token);
  }

  private static HttpResponse<String> post(String path, String body, String token)
      throws Exception {
    return gateway.post(path, body, token);
  }
}
