package com.shopverse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.clickhouse.ClickHouseSchema;
import com.shopverse.events.InteractionType;
import com.shopverse.recommendation.model.ModelSettings;
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

/** Trending from a real ClickHouse, filtered by the catalog, and the fallback when it goes away. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "shopverse.recommendation.cache-ttl=0s",
      "shopverse.recommendation.catalog-refresh=200ms"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class TrendingApiIT {

  static final LocalClickHouse clickHouse = LocalClickHouse.start();
  static final CatalogStandIn catalog =
      new CatalogStandIn()
          .product("P-VIEWED", "c-a", true)
          .product("P-CARTED", "c-b", true)
          .product("P-OLD", "c-a", true)
          .product("P-SOLDOUT", "c-a", false);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ClickHouseSchema.apply(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5));
    registry.add("shopverse.recommendation.clickhouse-url", clickHouse::httpUrl);
    registry.add("shopverse.recommendation.catalog-url", catalog::url);
    // The JWKS is never fetched: these requests carry no token.
    registry.add("shopverse.security.jwk-set-uri", () -> "http://127.0.0.1:1/jwks.json");
  }

  @AfterAll
  static void stop() {
    clickHouse.close();
    catalog.close();
  }

  @Test
  @Order(1)
  void ranksInStockProductsByWeightedCountsAtTheirLatestVersionWithinTheWindow() {
    ModelRows rows =
        new ModelRows(ClickHouseHttp.of(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5)));
    Instant now = Instant.now();
    rows.stats("P-VIEWED", "c-a", now, 5, 0);
    rows.stats("P-VIEWED", "c-a", now, 1, 0); // the same minute rewritten after a replay
    rows.stats("P-CARTED", "c-b", now, 0, 1);
    rows.stats("P-SOLDOUT", "c-a", now, 90, 90);
    rows.stats("P-OLD", "c-a", now.minus(Duration.ofHours(3)), 50, 50);
    double cart = ModelSettings.defaults().weight(InteractionType.ADDED_TO_CART);
    double view = ModelSettings.defaults().weight(InteractionType.PRODUCT_VIEWED);

    String body =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () -> http().get("/api/recommendations/trending?window=1h&limit=5").body(),
                text -> text.contains("P-VIEWED"));

    assertThat(body)
        .contains("\"fallback\":false", "\"window\":\"1h\"")
        .contains(
            "{\"productId\":\"P-CARTED\",\"score\":"
                + cart
                + ",\"reason\":\"trending in the last 1h\",\"reasonCode\":\"trending\"}")
        .contains("{\"productId\":\"P-VIEWED\",\"score\":" + view)
        .doesNotContain("P-OLD")
        .doesNotContain("P-SOLDOUT");
    assertThat(body.indexOf("P-CARTED")).isLessThan(body.indexOf("P-VIEWED"));
  }

  @Test
  @Order(2)
  void narrowsToOneCategory() {
    String body = http().get("/api/recommendations/trending?window=1h&category=c-a").body();

    assertThat(body).contains("P-VIEWED", "trending in c-a").doesNotContain("P-CARTED");
  }

  @Test
  @Order(3)
  void rejectsALimitOutOfRangeAnUnknownWindowAndAMalformedCategory() {
    assertThat(http().get("/api/recommendations/trending?limit=0").statusCode()).isEqualTo(400);
    assertThat(http().get("/api/recommendations/trending?limit=51").body()).contains("limit");
    assertThat(http().get("/api/recommendations/trending?window=5y").statusCode()).isEqualTo(400);
    HttpResponse<String> badCategory =
        http().get("/api/recommendations/trending?category=c'%20OR%201=1");
    assertThat(badCategory.statusCode()).isEqualTo(400);
    assertThat(badCategory.body()).contains("category");
  }

  @Test
  @Order(4)
  void servesTheLastGoodListWhenClickHouseIsDown(CapturedOutput output) {
    String before = http().get("/api/recommendations/trending?window=1h&limit=5").body();
    assertThat(before).contains("P-CARTED");

    clickHouse.kill();
    long start = System.nanoTime();
    HttpResponse<String> response = http().get("/api/recommendations/trending?window=1h&limit=5");
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"fallback\":true", "\"source\":\"last-good\"", "P-CARTED");
    assertThat(millis).isLessThan(2_000);
    // The fallback is logged as one JSON line that carries the request's trace id.
    assertThat(output.getOut().lines().filter(line -> line.contains("fell back (trending)")))
        .first()
        .satisfies(
            line ->
                assertThat(line).startsWith("{").containsPattern("\"traceId\":\"[0-9a-f]{32}\""));
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
