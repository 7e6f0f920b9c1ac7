package com.shopverse.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.clickhouse.ClickHouseHttp;
import com.shopverse.clickhouse.ClickHouseSchema;
import com.shopverse.testsupport.LocalClickHouse;
import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Personalised, recently viewed and similar lists from a real ClickHouse holding rows as the Flink
 * job writes them, followed by the in-memory index; then ClickHouse frozen (slow) and killed
 * (down).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "shopverse.recommendation.cache-ttl=0s",
      "shopverse.recommendation.catalog-refresh=200ms",
      "shopverse.recommendation.popular-refresh=200ms",
      "shopverse.recommendation.query-timeout=300ms",
      "shopverse.recommendation.index.refresh=100ms",
      "shopverse.recommendation.index.stale-after=1s"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalisedApiIT {

  static final LocalClickHouse clickHouse = LocalClickHouse.start();
  static final TestTokens tokens = TestTokens.start();
  static final CatalogStandIn catalog =
      new CatalogStandIn()
          .product("P-A", "shoes", true)
          .product("P-B", "bags", true)
          .product("P-N1", "shoes", true)
          .product("P-N2", "socks", true)
          .product("P-N3", "bags", true)
          .product("P-SOLD", "shoes", false)
          .product("P-BOUGHT", "shoes", true)
          .product("P-REMOVED", "shoes", true)
          .product("P-POP", "hats", true);

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("shopverse.recommendation.clickhouse-url", clickHouse::httpUrl);
    registry.add("shopverse.recommendation.catalog-url", catalog::url);
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @BeforeAll
  static void shoppersAndPairs() {
    ClickHouseSchema.apply(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5));
    ModelRows rows =
        new ModelRows(ClickHouseHttp.of(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5)));
    Instant now = Instant.now();
    rows.shopperItem(
        "u:alice", "P-A", "shoes", 5, "PRODUCT_VIEWED", now.minusSeconds(60), false, null);
    rows.shopperItem(
        "u:alice", "P-B", "bags", 3, "ADDED_TO_CART", now.minusSeconds(120), false, null);
    rows.shopperItem(
        "u:alice", "P-BOUGHT", "shoes", 9, "PURCHASED", now.minusSeconds(900), true, null);
    rows.shopperItem(
        "u:alice",
        "P-REMOVED",
        "shoes",
        4,
        "REMOVED_FROM_CART",
        now.minusSeconds(600),
        false,
        now.minusSeconds(600));
    rows.shopperItem(
        "a:anon-1", "P-B", "bags", 1, "PRODUCT_VIEWED", now.minusSeconds(30), false, null);
    rows.coVisitation("P-A", "P-SOLD", 20);
    rows.coVisitation("P-A", "P-BOUGHT", 15);
    rows.coVisitation("P-A", "P-N1", 10);
    rows.coVisitation("P-A", "P-N1", 12); // rewritten after a replay: the latest version counts
    rows.coVisitation("P-A", "P-REMOVED", 9);
    rows.coVisitation("P-A", "P-N2", 5);
    rows.coVisitation("P-B", "P-N3", 8);
    rows.stats("P-POP", "hats", now, 100, 10);
  }

  @AfterAll
  static void stop() {
    clickHouse.close();
    tokens.close();
    catalog.close();
  }

  @Test
  @Order(1)
  void ranksNeighboursOfTheShoppersProductsAndSaysWhy() {
    String body = awaitColdStartReady(() -> forYou(tokens.customer("alice")));

    assertThat(body)
        .contains("\"fallback\":false", "\"source\":\"index\"")
        .contains("{\"productId\":\"P-N1\"")
        .contains("because you viewed P-A", "\"reasonCode\":\"co_visitation\"")
        .contains("P-N3", "because you added P-B to your cart")
        .doesNotContain("P-SOLD") // out of stock
        .doesNotContain("P-BOUGHT") // already bought
        .doesNotContain("P-REMOVED"); // just removed from the cart
    assertThat(count(body, "\"productId\":\"P-N1\"")).isEqualTo(1);
    assertThat(body.indexOf("P-N1")).isLessThan(body.indexOf("P-N2"));
  }

  @Test
  @Order(2)
  void anAnonymousShopperGetsTheirSessionsListAndNeverSomebodysAccount() {
    String anonymous = anonymousForYou("anon-1");
    assertThat(anonymous).contains("P-N3").doesNotContain("P-N1");

    // An anonymous id equal to a user id is a different shopper: alice's history stays hers.
    String impostor = anonymousForYou("alice");
    assertThat(impostor).doesNotContain("P-N1").contains("P-POP", "\"reasonCode\":\"trending\"");
  }

  @Test
  @Order(3)
  void aShopperNeverSeenGetsPopularProducts() {
    String body = forYou(tokens.customer("newcomer"));

    assertThat(body).contains("\"fallback\":false", "P-POP", "trending now");
    assertThat(http().get("/api/recommendations/for-you").body()).contains("P-POP");
  }

  @Test
  @Order(4)
  void recentlyViewedListsWhatTheShopperViewedLatestFirst() {
    String body =
        http().get("/api/recommendations/recently-viewed", tokens.customer("alice")).body();

    assertThat(body).contains("\"kind\":\"recently-viewed\"", "P-A", "recently_viewed");
    assertThat(http().get("/api/recommendations/recently-viewed").body()).contains("\"items\":[]");
  }

  @Test
  @Order(5)
  void similarProductsAreTheInStockNeighboursAndAnUnknownProductGetsPopularOnes() {
    String body = http().get("/api/recommendations/similar/P-A?limit=3").body();
    assertThat(body)
        .contains("\"kind\":\"similar\"", "P-N1", "also looked at")
        .doesNotContain("P-SOLD");
    assertThat(body.indexOf("P-BOUGHT")).isLessThan(body.indexOf("P-N1"));

    HttpResponse<String> unknown = http().get("/api/recommendations/similar/P-NOPE");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("P-POP");
  }

  @Test
  @Order(6)
  void exposesWhatWasServedFromWhereWhyAndHowFreshTheDataIs() {
    String metrics =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                this::shopverseMetrics,
                lines ->
                    lines.matches(
                        "(?s).*shopverse_recommendations_data_age_milliseconds\\{[^}]*} [0-9].*"));

    assertThat(metrics)
        .contains("kind=\"for-you\",source=\"index\"")
        .containsPattern("shopverse_recommendations_index_shoppers\\{[^}]*} 2.0")
        .contains(
            "reasons_total{application=\"recommendation-service\",kind=\"for-you\",reason=\"co_visitation\"}")
        .contains(
            "shopverse_recommendations_latency_seconds_count{application=\"recommendation-service\",kind=\"similar\"}")
        .containsPattern("shopverse_recommendations_catalog_products\\{[^}]*} 9.0");
  }

  /** Only the platform's own metrics, so a failure message stays readable. */
  private String shopverseMetrics() {
    return http()
        .get("/actuator/prometheus")
        .body()
        .lines()
        .filter(line -> line.startsWith("shopverse_"))
        .collect(java.util.stream.Collectors.joining("\n"));
  }

  @Test
  @Order(7)
  void rejectsBadInputWithAProblemNamingTheField() {
    assertProblem(http().get("/api/recommendations/for-you?limit=0"), 400, "limit");
    assertProblem(http().get("/api/recommendations/similar/P-A?limit=51"), 400, "limit");
    assertProblem(http().get("/api/recommendations/similar/P'A"), 400, "productId");
    assertProblem(
        http().getWithHeaders("/api/recommendations/for-you", "X-Anonymous-Id", "a b;'"),
        400,
        "X-Anonymous-Id");
    assertThat(http().get("/api/recommendations/for-you", "not-a-token").statusCode())
        .isEqualTo(401);
  }

  @Test
  @Order(8)
  void aNewInteractionReachesTheShoppersListWithoutAQueryOnTheRequestPath() {
    ModelRows rows =
        new ModelRows(ClickHouseHttp.of(clickHouse.httpUrl(), "shopverse", Duration.ofSeconds(5)));
    rows.coVisitation("P-POP", "P-N2", 30);
    rows.shopperItem("u:bob", "P-POP", "hats", 1, "PRODUCT_VIEWED", Instant.now(), false, null);

    String body =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () -> forYou(tokens.customer("bob")),
                list -> list.contains("because you viewed P-POP"));

    assertThat(body).contains("{\"productId\":\"P-N2\"", "\"source\":\"index\"");
  }

  @Test
  @Order(9)
  void aFrozenClickHouseLeavesListsPersonalAndMarksThemStaleOnceTheIndexIsOld() {
    String before = forYou(tokens.customer("alice"));
    assertThat(ranked(before)).hasSizeGreaterThan(3);
    clickHouse.pause();
    try {
      long start = System.nanoTime();
      String during = forYou(tokens.customer("alice"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(ranked(during)).isEqualTo(ranked(before));
      assertThat(millis).as("no ClickHouse query on the request path").isLessThan(1_000);

      String stale =
          await()
              .atMost(Duration.ofSeconds(5))
              .until(
                  () -> forYou(tokens.customer("alice")),
                  list -> list.contains("\"fallback\":true"));
      assertThat(stale).contains("\"source\":\"stale-index\"");
      assertThat(ranked(stale)).isEqualTo(ranked(before));
      assertThat(forYou(tokens.customer("stranger")))
          .contains("\"fallback\":true", "\"source\":\"stale-index\"", "P-POP");
    } finally {
      clickHouse.resume();
    }
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> forYou(tokens.customer("alice")), list -> list.contains("\"fallback\":false"));
  }

  @Test
  @Order(10)
  void aDeadClickHouseStillAnswers200WithAFallback() {
    clickHouse.kill();

    String similar =
        await()
            .atMost(Duration.ofSeconds(5))
            .until(
                () -> http().get("/api/recommendations/similar/P-B"),
                response -> response.body().contains("\"fallback\":true"))
            .body();
    assertThat(similar).contains("P-N3");
    HttpResponse<String> recent =
        http().get("/api/recommendations/recently-viewed", tokens.customer("nobody"));
    assertThat(recent.statusCode()).isEqualTo(200);
    assertThat(recent.body()).contains("\"fallback\":true", "\"items\":[]");
    assertThat(shopverseMetrics())
        .containsPattern("shopverse_recommendations_index_failures_total\\{[^}]*} [1-9]");
  }

  private String forYou(String token) {
    HttpResponse<String> response = http().get("/api/recommendations/for-you", token);
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private String anonymousForYou(String anonymousId) {
    return http()
        .getWithHeaders("/api/recommendations/for-you", "X-Anonymous-Id", anonymousId)
        .body();
  }

  /** Waits until the catalog and popularity snapshots have loaded, then returns the answer. */
  private static String awaitColdStartReady(java.util.function.Supplier<String> call) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(call::get, body -> body.contains("P-POP") && body.contains("P-N1"));
  }

  private static void assertProblem(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body()).contains(field);
  }

  /**
   * The products in order, with their reasons: each request ranks afresh from the index, and the
   * decayed scores differ between two requests in the last floating-point digits.
   */
  private static java.util.List<String> ranked(String body) {
    return Pattern.compile("\"productId\":\"([^\"]+)\",\"score\":[^,]+,\"reason\":\"([^\"]+)\"")
        .matcher(body)
        .results()
        .map(match -> match.group(1) + " / " + match.group(2))
        .toList();
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
