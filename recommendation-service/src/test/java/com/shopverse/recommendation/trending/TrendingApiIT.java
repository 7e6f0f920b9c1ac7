package com.shopverse.recommendation.trending;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.clickhouse.ClickHouseSchema;
import com.shopverse.testsupport.LocalClickHouse;
import com.shopverse.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Trending from a real ClickHouse, and the fallback when it goes away. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "shopverse.recommendation.cache-ttl=0s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class TrendingApiIT {

  static final LocalClickHouse clickHouse = LocalClickHouse.start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ClickHouseSchema.apply(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5));
    registry.add("shopverse.recommendation.clickhouse-url", clickHouse::httpUrl);
    // The JWKS is never fetched: trending is public and these requests carry no token.
    registry.add("shopverse.security.jwk-set-uri", () -> "http://127.0.0.1:1/jwks.json");
  }

  @AfterAll
  static void stop() {
    clickHouse.close();
  }

  @Test
  @Order(1)
  void ranksByWeightedCountsAtTheirLatestVersionWithinTheWindow() throws Exception {
    Instant now = Instant.now();
    stats("P-VIEWED", now, 5, 0, 1);
    stats("P-VIEWED", now, 1, 0, 2); // the same minute rewritten after a replay: latest wins
    stats("P-CARTED", now, 0, 1, 1);
    stats("P-OLD", now.minus(Duration.ofHours(3)), 50, 50, 1);

    HttpResponse<String> response = http().get("/api/recommendations/trending?window=1h&limit=5");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"fallback\":false")
        .contains(
            "{\"productId\":\"P-CARTED\",\"score\":3.0,\"reason\":\"trending in the last 1h\"}")
        .contains("{\"productId\":\"P-VIEWED\",\"score\":1.0")
        .doesNotContain("P-OLD");
    assertThat(response.body().indexOf("P-CARTED")).isLessThan(response.body().indexOf("P-VIEWED"));
  }

  @Test
  @Order(2)
  void rejectsALimitOutOfRangeAndAnUnknownWindow() throws Exception {
    assertThat(http().get("/api/recommendations/trending?limit=0").statusCode()).isEqualTo(400);
    assertThat(http().get("/api/recommendations/trending?limit=51").body()).contains("limit");
    assertThat(http().get("/api/recommendations/trending?window=5y").statusCode()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void servesTheLastGoodListWhenClickHouseIsDown(CapturedOutput output) throws Exception {
    String before = http().get("/api/recommendations/trending?window=1h&limit=5").body();
    assertThat(before).contains("P-CARTED");

    clickHouse.kill();
    long start = System.nanoTime();
    HttpResponse<String> response = http().get("/api/recommendations/trending?window=1h&limit=5");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"fallback\":true", "P-CARTED");
    assertThat(millis).isLessThan(2_000);
    // The fallback is logged as one JSON line that carries the request's trace id.
    assertThat(output.getOut().lines().filter(line -> line.contains("Trending fell back")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line).startsWith("{").containsPattern("\"traceId\":\"[0-9a-f]{32}\""));
  }

  /** A per-minute row as the Flink job writes it; a later version replaces an earlier one. */
  private static void stats(String productId, Instant minute, int views, int carts, long version) {
    ClickHouseHttp.of(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5))
        .insert(
            "INSERT INTO product_minute_stats FORMAT JSONEachRow",
            "{\"minute\":%d,\"event_date\":\"%s\",\"product_id\":\"%s\",\"views\":%d,\"carts\":%d,\"version\":%d}\n"
                .formatted(
                    minute.getEpochSecond() / 60 * 60,
                    minute.toString().substring(0, 10),
                    productId,
                    views,
                    carts,
                    version));
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
