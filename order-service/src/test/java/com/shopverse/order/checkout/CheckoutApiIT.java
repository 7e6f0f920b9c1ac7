package com.shopverse.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.order.OrderServiceTestBase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checkout against the catalog stand-in and a real PostgreSQL. */
class CheckoutApiIT extends OrderServiceTestBase {

  @Autowired OAuth2AuthorizedClientService serviceTokens;

  @org.springframework.beans.factory.annotation.Autowired
  io.micrometer.core.instrument.MeterRegistry meters;

  @Test
  void turnsTheCartIntoAPaidOrderAtTheReservedPrices() {
    String shopper = newShopper();
    String product = newProduct(1999, 5);
    addToCart(shopper, product, 2);

    HttpResponse<String> response = checkout(shopper, key(), "{}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode order = json(response);
    assertThat(order.get("status").asString()).isEqualTo("PAID");
    assertThat(order.get("totalMinor").asLong()).isEqualTo(3998);
    assertThat(order.get("lines").get(0).get("unitPriceMinor").asLong()).isEqualTo(1999);
    assertThat(response.headers().firstValue("location"))
        .hasValue("/api/orders/" + order.get("id").asString());
    assertThat(catalog.stock(product)).isEqualTo(3);
    assertThat(json(http().get("/api/cart", shopper)).get("lines").size()).isZero();
    assertThat(http().get("/api/orders/" + order.get("id").asString(), shopper).statusCode())
        .isEqualTo(200);
  }

  @Test
  void writesOrderPlacedAndOrderPaidToTheOutboxWithTheOrder() {
    String shopper = newShopper();
    addToCart(shopper, newProduct(700, 5), 1);

    String orderId = json(checkout(shopper, key(), "{}")).get("id").asString();

    List<String> payloads =
        jdbc.sql(
                "SELECT payload FROM outbox WHERE message_key = ? AND topic = 'order-events' ORDER BY id")
            .param(orderId)
            .query(String.class)
            .list();
    assertThat(payloads).hasSize(2);
    assertThat(payloads.get(0)).contains("\"type\":\"OrderPlaced\"", "\"totalMinor\":700");
    assertThat(payloads.get(1)).contains("\"type\":\"OrderPaid\"");
  }

  @Test
  void commitsNoOrderWhenItsOutboxRowCannotBeWritten() {
    String shopper = newShopper();
    String product = newProduct(100, 3);
    addToCart(shopper, product, 1);
    long ordersBefore = count("orders");
    jdbc.sql(
            "CREATE FUNCTION refuse_outbox() RETURNS trigger AS"
                + " $$ BEGIN RAISE EXCEPTION 'outbox refused'; END $$ LANGUAGE plpgsql")
        .update();
    jdbc.sql(
            "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox"
                + " FOR EACH ROW EXECUTE FUNCTION refuse_outbox()")
        .update();
    try {
      HttpResponse<String> response = checkout(shopper, key(), "{}");

      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(count("orders")).isEqualTo(ordersBefore); // the order rolled back with it
      assertThat(catalog.stock(product)).isEqualTo(3); // and its stock went back
      assertThat(json(http().get("/api/cart", shopper)).get("lines").size()).isEqualTo(1);
    } finally {
      jdbc.sql("DROP TRIGGER refuse_outbox ON outbox").update();
      jdbc.sql("DROP FUNCTION refuse_outbox()").update();
    }
  }

  @Test
  void replaysTheFirstAnswerForTheSameKeyAndBody() {
    String shopper = newShopper();
    String product = newProduct(500, 5);
    addToCart(shopper, product, 1);
    String key = key();

    HttpResponse<String> first = checkout(shopper, key, "{\"paymentMethod\":\"pm_card\"}");
    HttpResponse<String> again = checkout(shopper, key, "{\"paymentMethod\": \"pm_card\"}");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(again.headers().firstValue("location"))
        .isEqualTo(first.headers().firstValue("location"));
    assertThat(catalog.stock(product)).isEqualTo(4);
    assertThat(json(http().get("/api/orders", shopper)).get("items").size()).isEqualTo(1);
  }

  @Test
  void keysBelongToTheirShopper() {
    String alice = newShopper();
    String bob = newShopper();
    addToCart(alice, newProduct(500, 5), 1);
    addToCart(bob, newProduct(600, 5), 1);
    String key = key();

    assertThat(checkout(alice, key, "{}").statusCode()).isEqualTo(201);
    HttpResponse<String> bobs = checkout(bob, key, "{}");

    assertThat(bobs.statusCode()).isEqualTo(201);
    assertThat(json(bobs).get("totalMinor").asLong()).isEqualTo(600);
  }

  @Test
  void refusesTheSameKeyWithADifferentBody() {
    String shopper = newShopper();
    addToCart(shopper, newProduct(500, 5), 1);
    String key = key();
    checkout(shopper, key, "{\"paymentMethod\":\"pm_card\"}");

    HttpResponse<String> other = checkout(shopper, key, "{\"paymentMethod\":\"pm_other\"}");

    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.body()).contains("idempotency-key-reused");
  }

  @Test
  void refusesTheSameKeyWhileTheFirstRequestIsStillRunning() throws Exception {
    String shopper = newShopper();
    String product = newProduct(500, 5);
    addToCart(shopper, product, 1);
    String key = key();
    catalog.delayReservations(Duration.ofMillis(1500));
    try {
      CompletableFuture<HttpResponse<String>> first =
          CompletableFuture.supplyAsync(() -> checkout(shopper, key, "{}"));
      Thread.sleep(500);
      HttpResponse<String> second = checkout(shopper, key, "{}");

      assertThat(second.statusCode()).isEqualTo(409);
      assertThat(second.body()).contains("idempotency-key-in-use");
      assertThat(first.get().statusCode()).isEqualTo(201);
    } finally {
      catalog.delayReservations(Duration.ZERO);
    }
    assertThat(catalog.stock(product)).isEqualTo(4);
  }

  @Test
  void requiresAnIdempotencyKey() {
    String shopper = newShopper();
    addToCart(shopper, newProduct(500, 5), 1);

    HttpResponse<String> response = checkout(shopper, null, "{}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("idempotency-key-required");
  }

  @Test
  void sellsTheLastUnitExactlyOnceToConcurrentShoppers() throws Exception {
    String product = newProduct(4999, 1);
    int shoppers = 50;
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < shoppers; i++) {
      String shopper = newShopper();
      assertThat(addToCart(shopper, product, 1).statusCode()).isEqualTo(200);
      tokens.add(shopper);
    }
    long ordersBefore = count("orders");

    ExecutorService pool = Executors.newFixedThreadPool(shoppers);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (String shopper : tokens) {
        answers.add(pool.submit(() -> checkout(shopper, key(), "{}")));
      }
      int created = 0;
      int outOfStock = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        if (response.statusCode() == 201) {
          created++;
        } else if (response.statusCode() == 409 && response.body().contains("out-of-stock")) {
          outOfStock++;
          assertThat(json(response).get("productId").asString()).isEqualTo(product);
        }
      }
      assertThat(created).isEqualTo(1);
      assertThat(outOfStock).isEqualTo(shoppers - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(catalog.stock(product)).isZero();
    assertThat(count("orders") - ordersBefore).isEqualTo(1);
  }

  @Test
  void answersOutOfStockNamingTheProduct() {
    String shopper = newShopper();
    String plenty = newProduct(100, 10);
    String scarce = newProduct(100, 1);
    addToCart(shopper, plenty, 2);
    addToCart(shopper, scarce, 2);

    HttpResponse<String> response = checkout(shopper, key(), "{}");

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("out-of-stock", scarce);
    assertThat(catalog.stock(plenty)).isEqualTo(10); // all or nothing
  }

  @Test
  void aDeclinedPaymentReleasesTheStockAndIsReplayed() {
    String shopper = newShopper();
    String product = newProduct(800, 2);
    addToCart(shopper, product, 2);
    String key = key();
    String body = "{\"paymentMethod\":\"pm_sandbox_decline\"}";

    HttpResponse<String> declined = checkout(shopper, key, body);

    assertThat(declined.statusCode()).isEqualTo(402);
    assertThat(declined.body()).contains("payment-declined");
    assertThat(catalog.stock(product)).isEqualTo(2);
    assertThat(json(http().get("/api/cart", shopper)).get("lines").size()).isEqualTo(1);
    HttpResponse<String> replayed = checkout(shopper, key, body);
    assertThat(replayed.statusCode()).isEqualTo(402);
    assertThat(replayed.headers().firstValue("content-type")).hasValue("application/problem+json");
  }

  @Test
  void writesOneCheckoutFailedWithItsReasonForADeclinedPaymentAndNoneForItsReplay() {
    String shopperId = "shopper-" + UUID.randomUUID();
    String shopper = tokens.customer(shopperId);
    addToCart(shopper, newProduct(800, 2), 1);
    String key = key();
    String body = "{\"paymentMethod\":\"pm_sandbox_decline\"}";
    String emptyCartShopperId = "shopper-" + UUID.randomUUID();

    assertThat(checkout(shopper, key, body).statusCode()).isEqualTo(402);
    assertThat(checkout(shopper, key, body).statusCode()).isEqualTo(402); // replayed
    assertThat(checkout(tokens.customer(emptyCartShopperId), key(), "{}").statusCode())
        .isEqualTo(422);

    List<String> declined = checkoutFailures(shopperId);
    assertThat(declined).hasSize(1);
    assertThat(declined.get(0))
        .contains("\"reason\":\"payment_declined\"", "\"status\":402", "\"orderId\":");
    assertThat(checkoutFailures(emptyCartShopperId))
        .singleElement()
        .asString()
        .contains("\"reason\":\"empty_cart\"", "\"status\":422");
    // No order exists under the attempt's id: consumers that follow orders have nothing to follow.
    String attempt = new JsonMapper().readTree(declined.get(0)).get("orderId").asString();
    assertThat(
            jdbc.sql("SELECT count(*) FROM orders WHERE id = ?::uuid")
                .param(attempt)
                .query(Long.class)
                .single())
        .isZero();
  }

  private List<String> checkoutFailures(String userId) {
    return jdbc.sql(
            "SELECT payload FROM outbox WHERE topic = 'order-events'"
                + " AND payload LIKE '%\"type\":\"CheckoutFailed\"%' AND payload LIKE ?")
        .param("%\"userId\":\"" + userId + "\"%")
        .query(String.class)
        .list();
  }

  @Test
  void aPaymentTimeoutReleasesTheStockAndLetsTheSameKeyRetry() {
    String shopper = newShopper();
    String product = newProduct(800, 2);
    addToCart(shopper, product, 1);
    String key = key();

    HttpResponse<String> timedOut =
        checkout(shopper, key, "{\"paymentMethod\":\"pm_sandbox_timeout\"}");

    assertThat(timedOut.statusCode()).isEqualTo(504);
    assertThat(timedOut.body()).contains("payment-timeout");
    assertThat(catalog.stock(product)).isEqualTo(2);
    HttpResponse<String> retried =
        checkout(shopper, key, "{\"paymentMethod\":\"pm_sandbox_timeout\"}");
    assertThat(retried.statusCode()).isEqualTo(504); // ran again, not replayed
    assertThat(retried.headers().firstValue("idempotent-replayed")).isEmpty();
  }

  @Test
  void ignoresTotalsAndUserIdsInTheBody() {
    String shopper = newShopper();
    addToCart(shopper, newProduct(2500, 5), 1);

    HttpResponse<String> response =
        checkout(
            shopper,
            key(),
            "{\"totalMinor\":1,\"userId\":\"someone-else\",\"status\":\"DELIVERED\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(json(response).get("totalMinor").asLong()).isEqualTo(2500);
    assertThat(json(response).get("status").asString()).isEqualTo("PAID");
    assertThat(json(http().get("/api/orders", shopper)).get("items").size()).isEqualTo(1);
  }

  @Test
  void refusesAnEmptyCart() {
    HttpResponse<String> response = checkout(newShopper(), key(), "{}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("cart-empty");
  }

  @Test
  void fetchesTheServiceTokenOnceWhenManyCheckoutsFindNoneCached() throws Exception {
    List<String> shoppers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String shopper = newShopper();
      addToCart(shopper, newProduct(100, 5), 1);
      shoppers.add(shopper);
    }
    // As at start-up or after a 401: no token cached, and auth-service slow to hash the secret.
    serviceTokens.removeAuthorizedClient("catalog-inventory", "order-service");
    catalog.delayTokens(Duration.ofMillis(300));
    int before = catalog.tokenRequests();
    ExecutorService pool = Executors.newFixedThreadPool(shoppers.size());
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String shopper : shoppers) {
        answers.add(pool.submit(() -> checkout(shopper, key(), "{}")));
      }
      for (Future<HttpResponse<String>> answer : answers) {
        assertThat(answer.get().statusCode()).isEqualTo(201);
      }
    } finally {
      pool.shutdownNow();
      catalog.delayTokens(Duration.ZERO);
    }
    assertThat(catalog.tokenRequests() - before).isEqualTo(1);
  }

  @Test
  void fetchesOneServiceTokenAndReusesIt() {
    int before = catalog.tokenRequests();
    for (int i = 0; i < 3; i++) {
      String shopper = newShopper();
      addToCart(shopper, newProduct(100, 5), 1);
      assertThat(checkout(shopper, key(), "{}").statusCode()).isEqualTo(201);
    }
    assertThat(catalog.tokenRequests() - before).isLessThanOrEqualTo(1);
  }

  @Test
  void countsAPlacedOrderAndItsRevenueOnceAndNotAgainWhenTheCheckoutIsReplayed() {
    String shopper = newShopper();
    addToCart(shopper, newProduct(1999, 5), 2);
    String key = key();
    double placed = counter("shopverse.orders.placed", "currency", "EUR");
    double revenue = counter("shopverse.orders.revenue.minor", "currency", "EUR");

    assertThat(checkout(shopper, key, "{}").statusCode()).isEqualTo(201);
    HttpResponse<String> replayed = checkout(shopper, key, "{}");

    assertThat(replayed.headers().firstValue("idempotent-replayed")).hasValue("true");
    assertThat(counter("shopverse.orders.placed", "currency", "EUR") - placed).isEqualTo(1);
    assertThat(counter("shopverse.orders.revenue.minor", "currency", "EUR") - revenue)
        .isEqualTo(3998);
  }

  @Test
  void countsADeclinedPaymentOnceAsPaymentDeclinedAndPlacesNothing() {
    String shopper = newShopper();
    addToCart(shopper, newProduct(800, 2), 1);
    String key = key();
    String body = "{\"paymentMethod\":\"pm_sandbox_decline\"}";
    double declined = failures("payment_declined");
    double placed = counter("shopverse.orders.placed", "currency", "EUR");

    assertThat(checkout(shopper, key, body).statusCode()).isEqualTo(402);
    assertThat(checkout(shopper, key, body).statusCode()).isEqualTo(402); // replayed

    assertThat(failures("payment_declined") - declined).isEqualTo(1);
    assertThat(counter("shopverse.orders.placed", "currency", "EUR") - placed).isZero();
  }

  @Test
  void countsEachKindOfCheckoutFailureUnderItsOwnReason() {
    java.util.Map<String, Double> before = new java.util.HashMap<>();
    CheckoutMetrics.REASONS.forEach(reason -> before.put(reason, failures(reason)));

    assertThat(checkout(newShopper(), key(), "{}").statusCode()).isEqualTo(422); // empty cart
    String scarce = newShopper();
    addToCart(scarce, newProduct(100, 1), 2);
    assertThat(checkout(scarce, key(), "{}").statusCode()).isEqualTo(409);
    String slowPayment = newShopper();
    addToCart(slowPayment, newProduct(100, 5), 1);
    String key = key();
    String timeout = "{\"paymentMethod\":\"pm_sandbox_timeout\"}";
    assertThat(checkout(slowPayment, key, timeout).statusCode()).isEqualTo(504);
    assertThat(checkout(slowPayment, key, timeout).statusCode()).isEqualTo(504); // ran again
    String unlucky = newShopper();
    addToCart(unlucky, newProduct(100, 5), 1);
    catalog.down(true);
    try {
      assertThat(checkout(unlucky, key(), "{}").statusCode()).isEqualTo(503);
    } finally {
      catalog.down(false);
    }

    java.util.Map<String, Double> counted = new java.util.HashMap<>();
    CheckoutMetrics.REASONS.forEach(
        reason -> counted.put(reason, failures(reason) - before.get(reason)));
    assertThat(counted)
        .containsEntry("empty_cart", 1.0)
        .containsEntry("out_of_stock", 1.0)
        .containsEntry("payment_timeout", 2.0)
        .containsEntry("catalog_unavailable", 1.0)
        .containsEntry("payment_declined", 0.0)
        .containsEntry("other", 0.0);
  }

  @Test
  void exposesTheCheckoutCountersAndThePoolOnThePrometheusEndpoint() {
    String page = http().get("/actuator/prometheus").body();

    for (String reason : CheckoutMetrics.REASONS) {
      assertThat(page)
          .contains(
              "shopverse_checkout_failures_total{application=\"order-service\",reason=\""
                  + reason
                  + "\"}");
    }
    assertThat(page)
        .contains("shopverse_orders_placed_total{application=\"order-service\",currency=\"EUR\"}")
        .contains(
            "shopverse_orders_revenue_minor_total{application=\"order-service\",currency=\"EUR\"}")
        .contains("hikaricp_connections_active{")
        .contains("hikaricp_connections_pending{")
        .contains("hikaricp_connections_max{");
  }

  private double failures(String reason) {
    return counter("shopverse.checkout.failures", "reason", reason);
  }

  private double counter(String name, String tag, String value) {
    io.micrometer.core.instrument.Counter counter = meters.find(name).tag(tag, value).counter();
    assertThat(counter).as(name + "{" + tag + "=" + value + "}").isNotNull();
    return counter.count();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }
}
