package com.shopverse.order.cart;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.order.OrderServiceTestBase;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The cart: server-side prices and totals, and the bad input it refuses. */
class CartApiIT extends OrderServiceTestBase {

  @Test
  void computesLineTotalsAndTheTotalFromCurrentCatalogPrices() {
    String shopper = newShopper();
    String headphones = newProduct(1999, 10);
    String cable = newProduct(250, 10);

    addToCart(shopper, headphones, 2);
    addToCart(shopper, cable, 3);
    HttpResponse<String> response = addToCart(shopper, cable, 1); // adds up: 4 cables

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode cart = json(response);
    assertThat(cart.get("totalMinor").asLong()).isEqualTo(2 * 1999 + 4 * 250);
    assertThat(cart.get("itemCount").asInt()).isEqualTo(6);
    assertThat(cart.get("currency").asString()).isEqualTo("EUR");
    assertThat(cart.get("lines").get(1).get("lineTotalMinor").asLong()).isEqualTo(1000);

    catalog.price(cable, 300); // the catalog changes a price: the cart shows the new one
    JsonNode repriced = json(http().get("/api/cart", shopper));
    assertThat(repriced.get("totalMinor").asLong()).isEqualTo(2 * 1999 + 4 * 300);
  }

  @Test
  void changesAndRemovesLines() {
    String shopper = newShopper();
    String product = newProduct(500, 10);
    addToCart(shopper, product, 1);

    HttpResponse<String> changed =
        http().send("PUT", "/api/cart/items/" + product, "{\"quantity\":7}", shopper);
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(json(changed).get("totalMinor").asLong()).isEqualTo(3500);

    assertThat(http().send("DELETE", "/api/cart/items/" + product, null, shopper).statusCode())
        .isEqualTo(204);
    JsonNode empty = json(http().get("/api/cart", shopper));
    assertThat(empty.get("lines").size()).isZero();
    assertThat(empty.get("totalMinor").asLong()).isZero();
  }

  @Test
  void ignoresPriceAndUserIdInTheBody() {
    String alice = newShopper();
    String bob = newShopper();
    String product = newProduct(1000, 10);

    HttpResponse<String> response =
        http()
            .post(
                "/api/cart/items",
                "{\"productId\":\""
                    + product
                    + "\",\"quantity\":1,\"priceMinor\":1,\"unitPriceMinor\":1,"
                    + "\"userId\":\"bob\"}",
                alice);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("totalMinor").asLong()).isEqualTo(1000);
    assertThat(json(http().get("/api/cart", bob)).get("lines").size()).isZero();
  }

  @Test
  void refusesQuantitiesOutsideOneToNinetyNineNamingTheField() {
    String shopper = newShopper();
    String product = newProduct(100, 1000);

    for (String quantity : new String[] {"0", "-1", "100", "2147483648", "null", "\"two\""}) {
      HttpResponse<String> response =
          http()
              .post(
                  "/api/cart/items",
                  "{\"productId\":\"" + product + "\",\"quantity\":" + quantity + "}",
                  shopper);
      assertThat(response.statusCode()).as(quantity).isEqualTo(400);
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("application/problem+json");
    }
    assertThat(addToCart(shopper, product, 0).body()).contains("\"field\":\"quantity\"");
    assertThat(
            http().send("PUT", "/api/cart/items/" + product, "{\"quantity\":100}", shopper).body())
        .contains("\"field\":\"quantity\"");
  }

  @Test
  void refusesToAddBeyondTheMaximumInTotal() {
    String shopper = newShopper();
    String product = newProduct(100, 1000);
    addToCart(shopper, product, 60);

    HttpResponse<String> response = addToCart(shopper, product, 40);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("cart-limit");
  }

  @Test
  void refusesAnUnknownProductNamingIt() {
    HttpResponse<String> response = addToCart(newShopper(), "P-NOPE", 1);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("unknown-product", "\"productId\":\"P-NOPE\"");
  }

  @Test
  void refusesAMalformedProductId() {
    HttpResponse<String> response = addToCart(newShopper(), "../../admin", 1);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("\"field\":\"productId\"");
  }

  @Test
  void answers503WhenTheCatalogIsDown() {
    String shopper = newShopper();
    String product = newProduct(100, 10);
    addToCart(shopper, product, 1);
    catalog.down(true);
    try {
      HttpResponse<String> response = http().get("/api/cart", shopper);
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.body()).contains("catalog-unavailable");
    } finally {
      catalog.down(false);
    }
  }

  @Test
  void refusesCallersWithoutAToken() {
    assertThat(http().get("/api/cart").statusCode()).isEqualTo(401);
  }
}
