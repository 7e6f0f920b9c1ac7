package com.shopverse.order.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.order.OrderServiceTestBase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Orders are private to their shopper and follow their state machine; real PostgreSQL. */
class OrderApiIT extends OrderServiceTestBase {

  @Test
  void showsAShopperOnlyTheirOwnOrders() {
    String alice = newShopper();
    String bob = newShopper();
    String alicesOrder = placeOrder(alice, 1999);
    String bobsOrder = placeOrder(bob, 500);

    HttpResponse<String> response = http().get("/api/orders", alice);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(alicesOrder, "\"totalMinor\":1999")
        .doesNotContain(bobsOrder);
  }

  @Test
  void answersNotFoundForAnotherShoppersOrder() {
    String bobsOrder = placeOrder(newShopper(), 500);
    String alice = newShopper();

    HttpResponse<String> read = http().get("/api/orders/" + bobsOrder, alice);
    HttpResponse<String> cancel = http().post("/api/orders/" + bobsOrder + "/cancel", null, alice);

    assertThat(read.statusCode()).isEqualTo(404);
    assertThat(read.body()).contains("order-not-found");
    assertThat(cancel.statusCode()).isEqualTo(404);
    assertThat(http().get("/api/orders/not-a-uuid", alice).statusCode()).isEqualTo(404);
  }

  @Test
  void pagesThroughOrdersNewestFirstWithACursor() {
    String shopper = newShopper();
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      placed.add(placeOrder(shopper, 100 + i));
    }

    List<String> seen = new ArrayList<>();
    String next = null;
    do {
      JsonNode page =
          json(http().get("/api/orders?limit=2" + (next == null ? "" : "&after=" + next), shopper));
      page.get("items").forEach(item -> seen.add(item.get("id").asString()));
      next = page.get("next").isNull() ? null : page.get("next").asString();
    } while (next != null);

    java.util.Collections.reverse(placed);
    assertThat(seen).containsExactlyElementsOf(placed);
  }

  @Test
  void refusesPageSizesOutsideOneToAHundred() {
    String shopper = newShopper();
    HttpResponse<String> response = http().get("/api/orders?limit=101", shopper);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"limit\"");
    assertThat(http().get("/api/orders?limit=0", shopper).statusCode()).isEqualTo(400);
    assertThat(http().get("/api/orders?after=garbage", shopper).statusCode()).isEqualTo(400);
  }

  @Test
  void aShopperCancelsTheirPaidOrderAndItsStockGoesBack() {
    String shopper = newShopper();
    String product = newProduct(300, 4);
    addToCart(shopper, product, 3);
    String orderId =
        json(checkout(shopper, UUID.randomUUID().toString(), "{}")).get("id").asString();
    assertThat(catalog.stock(product)).isEqualTo(1);

    HttpResponse<String> cancelled =
        http().post("/api/orders/" + orderId + "/cancel", null, shopper);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(json(cancelled).get("status").asString()).isEqualTo("CANCELLED");
    assertThat(catalog.stock(product)).isEqualTo(4);
    assertThat(outboxTypes(orderId)).containsExactly("OrderPlaced", "OrderPaid", "OrderCancelled");
  }

  @Test
  void refusesIllegalTransitionsWith409() {
    String shopper = newShopper();
    String orderId = placeOrder(shopper, 900);
    String admin = admin();

    assertThat(post("/api/orders/" + orderId + "/deliver", admin).statusCode())
        .isEqualTo(409); // PAID cannot be delivered before it is shipped
    assertThat(post("/api/orders/" + orderId + "/ship", admin).statusCode()).isEqualTo(200);
    HttpResponse<String> cancelShipped = post("/api/orders/" + orderId + "/cancel", shopper);
    assertThat(cancelShipped.statusCode()).isEqualTo(409);
    assertThat(cancelShipped.body()).contains("illegal-transition", "\"orderStatus\":\"SHIPPED\"");
    assertThat(post("/api/orders/" + orderId + "/ship", admin).statusCode()).isEqualTo(409);
    assertThat(post("/api/orders/" + orderId + "/deliver", admin).statusCode()).isEqualTo(200);

    String other = placeOrder(shopper, 100);
    assertThat(post("/api/orders/" + other + "/cancel", shopper).statusCode()).isEqualTo(200);
    assertThat(post("/api/orders/" + other + "/cancel", shopper).statusCode()).isEqualTo(409);
    assertThat(post("/api/orders/" + other + "/ship", admin).statusCode()).isEqualTo(409);
  }

  @Test
  void onlyAdminsShipAndDeliver() {
    String shopper = newShopper();
    String orderId = placeOrder(shopper, 900);

    HttpResponse<String> ship = post("/api/orders/" + orderId + "/ship", shopper);

    assertThat(ship.statusCode()).isEqualTo(403);
    assertThat(ship.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(post("/api/orders/" + orderId + "/deliver", shopper).statusCode()).isEqualTo(403);
    HttpResponse<String> shipped = post("/api/orders/" + orderId + "/ship", admin());
    assertThat(json(shipped).get("status").asString()).isEqualTo("SHIPPED");
    assertThat(outboxTypes(orderId)).containsExactly("OrderPlaced", "OrderPaid", "OrderShipped");
  }

  @Test
  void refusesCallersWithoutAToken() {
    assertThat(http().get("/api/orders").statusCode()).isEqualTo(401);
  }

  private String placeOrder(String shopper, long priceMinor) {
    addToCart(shopper, newProduct(priceMinor, 10), 1);
    HttpResponse<String> response = checkout(shopper, UUID.randomUUID().toString(), "{}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return json(response).get("id").asString();
  }

  private HttpResponse<String> post(String path, String token) {
    return http().post(path, null, token);
  }

  private List<String> outboxTypes(String orderId) {
    return jdbc
        .sql("SELECT payload FROM outbox WHERE message_key = ? ORDER BY id")
        .param(orderId)
        .query(String.class)
        .list()
        .stream()
        .map(payload -> payload.replaceAll(".*\"type\":\"([A-Za-z]+)\".*", "$1"))
        .toList();
  }
}
