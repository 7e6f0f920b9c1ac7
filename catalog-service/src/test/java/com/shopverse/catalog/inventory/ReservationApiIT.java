package com.shopverse.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.catalog.CatalogTokens;
import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Reservations on a real PostgreSQL, called as order-service calls them (scope inventory). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "shopverse.outbox.enabled=false",
      "shopverse.catalog.reservation-sweep-interval=200ms",
      "spring.datasource.hikari.maximum-pool-size=10"
    })
class ReservationApiIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  static final CatalogTokens tokens = CatalogTokens.start();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=catalog");
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @AfterAll
  static void stop() {
    tokens.close();
    postgres.close();
  }

  /**
   * A reservation is observed once (its {@code http.server.requests} timer and span), not once more
   * per Spring Security filter chain, authentication and authorization: CPU on every call of
   * checkout's path that nothing reads (docs/catalog.md).
   */
  @Test
  void observesAReservationWithoutSpringSecuritysOwnObservations() {
    assertThat(reserve(UUID.randomUUID(), line(product(5, 100), 1)).statusCode()).isEqualTo(201);

    assertThat(meters.find("http.server.requests").tag("uri", "/api/catalog/reservations").timers())
        .isNotEmpty();
    assertThat(meters.getMeters())
        .extracting(meter -> meter.getId().getName())
        .noneMatch(name -> name.startsWith("spring.security."));
  }

  @Test
  void reservesEveryLineAndSnapshotsPrices() {
    String a = product(5, 1999);
    String b = product(3, 500);
    UUID id = UUID.randomUUID();

    HttpResponse<String> response = reserve(id, line(a, 2), line(b, 3));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    assertThat(response.body())
        .contains(
            "\"reservationId\":\"" + id + "\"",
            "\"status\":\"RESERVED\"",
            "\"expiresAt\"",
            "{\"productId\":\""
                + a
                + "\",\"quantity\":2,\"unitPriceMinor\":1999,\"currency\":\"EUR\"");
    assertThat(stock(a)).isEqualTo(3);
    assertThat(stock(b)).isZero();
    assertThat(outboxEventsFor(a)).anyMatch(p -> p.contains("\"reason\":\"RESERVED\""));
  }

  @Test
  void repeatingAReservationReturnsItWithoutTakingStockAgain() {
    String a = product(5, 100);
    UUID id = UUID.randomUUID();
    assertThat(reserve(id, line(a, 2)).statusCode()).isEqualTo(201);

    HttpResponse<String> again = reserve(id, line(a, 2));
    HttpResponse<String> different = reserve(id, line(a, 3));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("\"status\":\"RESERVED\"");
    assertThat(different.statusCode()).isEqualTo(409);
    assertThat(different.body()).contains("reservation-mismatch");
    assertThat(stock(a)).isEqualTo(3);
  }

  @Test
  void reservesNothingWhenOneLineIsShort() {
    String plenty = product(10, 100);
    String scarce = product(1, 100);

    HttpResponse<String> response = reserve(UUID.randomUUID(), line(plenty, 4), line(scarce, 2));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body())
        .contains("/problems/out-of-stock", "\"productId\":\"" + scarce + "\"", "\"available\":1");
    assertThat(stock(plenty)).isEqualTo(10);
    assertThat(stock(scarce)).isEqualTo(1);
  }

  @Test
  void rejectsUnknownAndInactiveProductsNamingThem() {
    String inactive = product(5, 100);
    jdbc.sql("UPDATE products SET active = false WHERE id = ?").param(inactive).update();

    HttpResponse<String> unknown = reserve(UUID.randomUUID(), line("P-NOPE", 1));
    HttpResponse<String> gone = reserve(UUID.randomUUID(), line(inactive, 1));

    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.body()).contains("unknown-product", "\"productId\":\"P-NOPE\"");
    assertThat(gone.statusCode()).isEqualTo(422);
    assertThat(gone.body()).contains("\"productId\":\"" + inactive + "\"");
  }

  @Test
  void rejectsAbsurdQuantitiesNamingTheField() {
    String a = product(500, 100);

    for (int quantity : new int[] {0, -3, 101}) {
      HttpResponse<String> response = reserve(UUID.randomUUID(), line(a, quantity));
      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.body()).contains("\"field\":\"lines[0].quantity\"");
    }
    assertThat(
            http()
                .post(
                    "/api/catalog/reservations",
                    "{\"lines\":[{\"productId\":\"" + a + "\",\"quantity\":1}]}",
                    tokens.service("inventory"))
                .body())
        .contains("\"field\":\"reservationId\"");
    assertThat(stock(a)).isEqualTo(500);
  }

  @Test
  void doesNotOversellTheLastUnit() throws Exception {
    String last = product(1, 100);
    int buyers = 50;
    ExecutorService pool = Executors.newFixedThreadPool(buyers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < buyers; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                return reserve(UUID.randomUUID(), line(last, 1)).statusCode();
              }));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> result : results) {
      statuses.add(result.get());
    }
    pool.shutdown();

    assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
    assertThat(statuses.stream().filter(s -> s == 409)).hasSize(buyers - 1);
    assertThat(stock(last)).isZero();
  }

  @Test
  void confirmsAndReleasesIdempotentlyAndGivesStockBack() {
    String a = product(4, 100);
    UUID id = UUID.randomUUID();
    reserve(id, line(a, 3));

    assertThat(post(id, "confirm").body()).contains("\"status\":\"CONFIRMED\"");
    assertThat(post(id, "confirm").statusCode()).isEqualTo(200);
    assertThat(stock(a)).isEqualTo(1);

    HttpResponse<String> released = post(id, "release");
    assertThat(released.statusCode()).isEqualTo(200);
    assertThat(released.body()).contains("\"status\":\"RELEASED\"");
    assertThat(stock(a)).isEqualTo(4);
    assertThat(post(id, "release").statusCode()).isEqualTo(200);
    assertThat(stock(a)).isEqualTo(4);

    HttpResponse<String> confirmReleased = post(id, "confirm");
    assertThat(confirmReleased.statusCode()).isEqualTo(409);
    assertThat(confirmReleased.body()).contains("reservation-not-active");
    assertThat(post(UUID.randomUUID(), "confirm").statusCode()).isEqualTo(404);
  }

  @Test
  void expiredReservationsGiveTheirStockBack() {
    String a = product(2, 100);
    UUID id = UUID.randomUUID();
    reserve(id, line(a, 2));
    assertThat(stock(a)).isZero();

    jdbc.sql("UPDATE reservations SET expires_at = now() - interval '1 second' WHERE id = ?")
        .param(id)
        .update();

    await().atMost(Duration.ofSeconds(10)).until(() -> stock(a) == 2);
    assertThat(
            jdbc.sql("SELECT status FROM reservations WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("EXPIRED");
    assertThat(post(id, "confirm").statusCode()).isEqualTo(409);
    assertThat(outboxEventsFor(a)).anyMatch(p -> p.contains("\"reason\":\"EXPIRED\""));
  }

  @Test
  void needsTheInventoryScopeOrTheAdminRole() {
    String a = product(10, 100);
    String body = body(UUID.randomUUID(), line(a, 1));

    assertThat(http().post("/api/catalog/reservations", body, null).statusCode()).isEqualTo(401);
    HttpResponse<String> customer =
        http().post("/api/catalog/reservations", body, tokens.customer());
    assertThat(customer.statusCode()).isEqualTo(403);
    assertThat(customer.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(
            http().post("/api/catalog/reservations", body, tokens.service("orders")).statusCode())
        .isEqualTo(403);
    assertThat(http().post("/api/catalog/reservations", body, tokens.admin()).statusCode())
        .isEqualTo(201);
    assertThat(stock(a)).isEqualTo(9);
  }

  private String product(int stock, long priceMinor) {
    String id = "T" + UUID.randomUUID().toString().substring(0, 8);
    jdbc.sql("INSERT INTO categories (id, name) VALUES ('c-test', 'Test') ON CONFLICT DO NOTHING")
        .update();
    jdbc.sql(
            "INSERT INTO products (id, sku, name, price_minor, currency, category_id, stock)"
                + " VALUES (?, ?, ?, ?, 'EUR', 'c-test', ?)")
        .params(id, "SKU-" + id, "Test product " + id, priceMinor, stock)
        .update();
    return id;
  }

  private int stock(String productId) {
    return jdbc.sql("SELECT stock FROM products WHERE id = ?")
        .param(productId)
        .query(Integer.class)
        .single();
  }

  private List<String> outboxEventsFor(String productId) {
    return jdbc.sql("SELECT payload FROM outbox WHERE topic = 'catalog-events' AND message_key = ?")
        .param(productId)
        .query(String.class)
        .list();
  }

  private static String line(String productId, int quantity) {
    return "{\"productId\":\"" + productId + "\",\"quantity\":" + quantity + "}";
  }

  private static String body(UUID id, String... lines) {
    return "{\"reservationId\":\"" + id + "\",\"lines\":[" + String.join(",", lines) + "]}";
  }

  private HttpResponse<String> reserve(UUID id, String... lines) {
    return http().post("/api/catalog/reservations", body(id, lines), tokens.service("inventory"));
  }

  private HttpResponse<String> post(UUID id, String action) {
    return http()
        .post("/api/catalog/reservations/" + id + "/" + action, null, tokens.service("inventory"));
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
