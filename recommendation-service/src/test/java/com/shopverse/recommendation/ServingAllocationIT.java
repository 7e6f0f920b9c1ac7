package com.shopverse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.clickhouse.ClickHouseSchema;
import com.shopverse.testsupport.LocalClickHouse;
import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Guards the serving hot path by what it allocates, not by how long it takes (a timed test would be
 * flaky on a shared machine): at 1,000 requests/s every allocated kilobyte per request is a
 * megabyte per second of young collections, and each collection lands in the latency tail. A warmed
 * personalised list over a realistic candidate set (200 popular products, 10 recent items with 40
 * neighbours each) is requested one at a time, and the bytes allocated by Tomcat's request threads
 * are divided by the number of requests. Allocation counts are deterministic for a given code path,
 * so the bound can be tight enough to catch a regression and still not flake: the path before
 * per-kind meters, without Spring Security's filter observations and the ranking clean-up, measured
 * 112 KB here.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "shopverse.recommendation.catalog-refresh=1s",
      "shopverse.recommendation.popular-refresh=1s",
      "shopverse.recommendation.index.refresh=200ms"
    })
class ServingAllocationIT {

  private static final int PRODUCTS = 300;
  private static final int CATEGORIES = 10;
  private static final int RECENT = 10;
  private static final int NEIGHBOURS = 40;
  private static final int WARM_UP = 5_000;
  private static final int MEASURED = 2_000;

  /** 64.6 KB per request measured when written; 112 KB before (see the class comment). */
  private static final long MAX_BYTES_PER_REQUEST = 80 * 1024;

  static final LocalClickHouse clickHouse = LocalClickHouse.start();
  static final TestTokens tokens = TestTokens.start();
  static final CatalogStandIn catalog = new CatalogStandIn();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("shopverse.recommendation.clickhouse-url", clickHouse::httpUrl);
    registry.add("shopverse.recommendation.catalog-url", catalog::url);
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @BeforeAll
  static void aRealisticCandidateSet() {
    ClickHouseSchema.apply(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5));
    ClickHouseHttp http =
        ClickHouseHttp.of(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5));
    ModelRows rows = new ModelRows(http);
    Instant now = Instant.now();
    // One insert per table (rows as the Flink job writes them): a row per insert took minutes.
    StringBuilder stats = new StringBuilder();
    for (int p = 0; p < PRODUCTS; p++) {
      catalog.product(product(p), category(p), true);
      stats.append(
          ("{\"minute\":%d,\"event_date\":\"%s\",\"product_id\":\"%s\",\"category_id\":\"%s\","
                  + "\"views\":%d,\"carts\":%d,\"version\":%d}\n")
              .formatted(
                  now.getEpochSecond() / 60 * 60,
                  now.toString().substring(0, 10),
                  product(p),
                  category(p),
                  PRODUCTS - p,
                  p % 7,
                  p + 1));
    }
    http.insert("INSERT INTO product_minute_stats FORMAT JSONEachRow", stats.toString());
    StringBuilder pairs = new StringBuilder();
    for (int r = 0; r < RECENT; r++) {
      int seed = r * 29;
      rows.shopperItem(
          "a:shopper",
          product(seed),
          category(seed),
          1 + r,
          "PRODUCT_VIEWED",
          now.minusSeconds(60L * (r + 1)),
          false,
          null);
      for (int n = 1; n <= NEIGHBOURS; n++) {
        pairs.append(
            "{\"product_id\":\"%s\",\"neighbour_id\":\"%s\",\"score\":%d,\"version\":%d}\n"
                .formatted(
                    product(seed),
                    product((seed + n * 7) % PRODUCTS),
                    NEIGHBOURS + 1 - n,
                    r * NEIGHBOURS + n));
      }
    }
    http.insert("INSERT INTO co_visitation FORMAT JSONEachRow", pairs.toString());
  }

  @AfterAll
  static void stop() {
    clickHouse.close();
    tokens.close();
    catalog.close();
  }

  @Test
  void aWarmedPersonalisedListAllocatesLittlePerRequest() {
    TestHttp http = new TestHttp(port);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> forYou(http).body(),
            body ->
                body.contains("\"source\":\"index\"")
                    && body.contains("\"reasonCode\":\"co_visitation\""));
    for (int i = 0; i < WARM_UP; i++) {
      assertThat(forYou(http).statusCode()).isEqualTo(200);
    }

    Map<Long, Long> before = requestThreadAllocations();
    for (int i = 0; i < MEASURED; i++) {
      forYou(http);
    }
    Map<Long, Long> after = requestThreadAllocations();

    long allocated = 0;
    for (Map.Entry<Long, Long> thread : after.entrySet()) {
      allocated += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
    }
    long perRequest = allocated / MEASURED;
    System.out.printf("for-you allocated %,d bytes per request on request threads%n", perRequest);
    assertThat(perRequest).isPositive().isLessThan(MAX_BYTES_PER_REQUEST);
  }

  private static HttpResponse<String> forYou(TestHttp http) {
    return http.getWithHeaders(
        "/api/recommendations/for-you?limit=10", "X-Anonymous-Id", "shopper");
  }

  /** Bytes allocated so far by each of Tomcat's request threads ({@code http-nio-*-exec-*}). */
  private static Map<Long, Long> requestThreadAllocations() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    Map<Long, Long> allocated = new HashMap<>();
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null
          && info.getThreadName().startsWith("http-nio-")
          && info.getThreadName().contains("-exec-")) {
        allocated.put(info.getThreadId(), threads.getThreadAllocatedBytes(info.getThreadId()));
      }
    }
    return allocated;
  }

  private static String product(int p) {
    return "P%03d".formatted(p);
  }

  private static String category(int p) {
    return "c" + (p % CATEGORIES);
  }
}
