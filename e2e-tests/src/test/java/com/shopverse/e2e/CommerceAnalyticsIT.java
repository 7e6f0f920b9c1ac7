package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Commerce reaching the analytics, through the gateway with every service real: an admin creates a
 * product, a shopper buys two of it, and the Flink job turns catalog-service's and order-service's
 * outbox events into the product dimension ({@code products}) and the product's purchases and
 * revenue in {@code product_minute_stats}; an admin stock change then shows in the dimension. The
 * demo catalog, seeded by SQL, reaches the dimension too.
 */
@Order(2)
class CommerceAnalyticsIT {

  static Stack stack;
  static Gateway gateway;
  static final ObjectMapper json = Gateway.json;

  @BeforeAll
  static void up() {
    stack = SharedStack.get();
    gateway = new Gateway(stack);
  }

  @Test
  void aCheckoutBecomesPurchasesAndRevenueAndAStockChangeReachesTheProductDimension()
      throws Exception {
    String admin = login("admin@shopverse.dev", "shopverse-admin-local");
    String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        gateway.post(
            "/api/catalog/products",
            json.writeValueAsString(
                java.util.Map.of(
                    "sku",
                    sku,
                    "name",
                    "Analytics lamp " + sku,
                    "description",
                    "A lamp bought by the end-to-end test.",
                    "priceMinor",
                    2_499,
                    "currency",
                    "EUR",
                    "categoryId",
                    "c-garden",
                    "stock",
                    10,
                    "attributes",
                    java.util.Map.of(),
                    "imageUrls",
                    List.of())),
            admin);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String productId = json.readTree(created.body()).get("id").asText();

    String dimension =
        "SELECT name, category_id, price_minor, currency, stock, in_stock, product_version"
            + " FROM products FINAL WHERE product_id = '"
            + productId
            + "'";
    awaitRow(dimension, row -> row[0].equals("Analytics lamp " + sku) && row[4].equals("10"));

    String shopper = gateway.registeredShopper("commerce").accessToken();
    HttpResponse<String> carted =
        gateway.post(
            "/api/cart/items", "{\"productId\":\"" + productId + "\",\"quantity\":2}", shopper);
    assertThat(carted.statusCode()).as(carted.body()).isBetween(200, 201);
    HttpResponse<String> placed =
        gateway.post(
            "/api/checkout", "{}", shopper, "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    assertThat(json.readTree(placed.body()).get("status").asText()).isEqualTo("PAID");

    String stats =
        "SELECT sum(purchases), sum(revenue_minor), any(currency), any(category_id)"
            + " FROM product_minute_stats FINAL WHERE product_id = '"
            + productId
            + "'";
    String[] purchased = awaitRow(stats, row -> row[0].equals("2"));
    assertThat(purchased).containsExactly("2", "4998", "EUR", "c-garden");
    // The reservation's StockChanged: 10 - 2.
    awaitRow(dimension, row -> row[4].equals("8"));

    HttpResponse<String> adjusted =
        gateway.post("/api/catalog/products/" + productId + "/stock", "{\"delta\":-8}", admin);
    assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(200);
    String[] soldOut = awaitRow(dimension, row -> row[4].equals("0"));
    assertThat(soldOut)
        .containsExactly("Analytics lamp " + sku, "c-garden", "2499", "EUR", "0", "0", "0");
  }

  @Test
  void theSeededDemoCatalogReachesTheProductDimension() throws Exception {
    // Seeded by SQL, not through the admin API: catalog-service's announcer publishes it.
    awaitRow(
        "SELECT count() FROM products FINAL"
            + " WHERE length(product_id) = 6 AND product_id >= 'P00001' AND product_id <= 'P00720'",
        row -> row[0].equals("720"));
    String[] first =
        awaitRow(
            "SELECT category_id, currency, product_version FROM products FINAL"
                + " WHERE product_id = 'P00001'",
            row -> !row[0].isEmpty());
    assertThat(first[0]).startsWith("c-");
    assertThat(first[1]).hasSize(3);
  }

  private static String[] awaitRow(String sql, Predicate<String[]> condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String[]> rows = stack.clickHouseRows(sql);
    while (rows.isEmpty() || !condition.test(rows.get(0))) {
      assertThat(System.nanoTime())
          .as(sql + " answered " + rows.stream().map(r -> String.join(" ", r)).toList())
          .isLessThan(deadline);
      Thread.sleep(200);
      rows = stack.clickHouseRows(sql);
    }
    return rows.get(0);
  }

  private static String login(String email, String password) throws Exception {
    HttpResponse<String> login =
        gateway.post(
            "/api/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
            null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    JsonNode tokens = json.readTree(login.body());
    return tokens.get("access_token").asText();
  }
}
