package com.shopverse.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** PostgreSQL goes away under the service and comes back: clean 503s, then recovery, no restart. */
class DatabaseOutageIT extends OrderServiceTestBase {

  @Test
  void answers503WhileThePostgresIsDownAndRecoversWhenItIsBack() throws Exception {
    String shopper = newShopper();
    String product = newProduct(1200, 3);
    addToCart(shopper, product, 1);
    PostgresOutage outage = PostgresOutage.of(jdbc);

    catalog.delayReservations(Duration.ofSeconds(2));
    CompletableFuture<HttpResponse<String>> inFlight;
    try {
      // A checkout that has claimed its key and is waiting on the catalog when the database stops.
      inFlight =
          CompletableFuture.supplyAsync(
              () -> checkout(shopper, UUID.randomUUID().toString(), "{}"));
      Thread.sleep(700);
      outage.stop();
    } finally {
      catalog.delayReservations(Duration.ZERO);
    }
    try {
      HttpResponse<String> checkout = inFlight.get();
      assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(503);
      assertThat(checkout.body()).contains("database-unavailable").doesNotContain("Exception");
      assertThat(catalog.stock(product)).isEqualTo(3); // its reservation was handed back

      HttpResponse<String> read = http().get("/api/orders", shopper);
      assertThat(read.statusCode()).isEqualTo(503);
      assertThat(read.headers().firstValue("content-type")).hasValue("application/problem+json");
      assertThat(read.headers().firstValue("retry-after")).isPresent();
    } finally {
      outage.start();
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> http().get("/api/orders", shopper).statusCode() == 200);
    HttpResponse<String> again = checkout(shopper, UUID.randomUUID().toString(), "{}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
  }
}
