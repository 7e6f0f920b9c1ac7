package com.shopverse.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Browsing and searching the seeded demo catalog on a real PostgreSQL, without a token. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"shopverse.catalog.demo-data=true", "shopverse.outbox.enabled=false"})
class ProductApiIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  static final JsonMapper json = JsonMapper.builder().build();
  static final int DEMO_PRODUCTS = 720;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=catalog");
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void pagesThroughTheDemoCatalogByKeyset() {
    HttpResponse<String> first = http().get("/api/catalog/products?limit=20");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"id\":\"P00001\"", "\"next\":\"P00020\"")
        .doesNotContain("P00021");

    HttpResponse<String> second = http().get("/api/catalog/products?limit=20&after=P00020");
    assertThat(second.body()).contains("\"id\":\"P00021\"").doesNotContain("\"id\":\"P00020\"");
  }

  @Test
  void keysetPagesCoverEveryProductExactlyOnceUnderEachSort() {
    for (String sort : List.of("id", "price", "-price", "name", "newest")) {
      List<JsonNode> items = all("/api/catalog/products?limit=97&sort=" + sort);

      assertThat(items).as(sort).hasSize(DEMO_PRODUCTS);
      assertThat(items.stream().map(i -> i.get("id").asString())).as(sort).doesNotHaveDuplicates();
      Comparator<JsonNode> order =
          switch (sort) {
            case "price" -> Comparator.comparingLong(i -> i.get("priceMinor").asLong());
            case "-price" ->
                Comparator.<JsonNode>comparingLong(i -> i.get("priceMinor").asLong()).reversed();
            default -> (a, b) -> 0;
          };
      assertThat(items).as(sort).isSortedAccordingTo(order);
    }
  }

  @Test
  void filtersByCategoryIncludingSubcategories() {
    List<JsonNode> toys = all("/api/catalog/products?category=c-toys&limit=100");
    List<JsonNode> games = all("/api/catalog/products?category=c-toys-games&limit=100");

    assertThat(toys).hasSize(60);
    assertThat(toys.stream().map(i -> i.get("categoryId").asString()).distinct())
        .containsExactlyInAnyOrder("c-toys", "c-toys-games", "c-toys-outdoor");
    assertThat(games)
        .hasSize(15)
        .allMatch(i -> i.get("categoryId").asString().equals("c-toys-games"));
    assertThat(all("/api/catalog/products?category=c-nothing")).isEmpty();
  }

  @Test
  void filtersByPriceRangeAndStock() {
    List<JsonNode> items =
        all("/api/catalog/products?minPrice=1000&maxPrice=5000&inStock=true&sort=price&limit=50");

    int expected =
        jdbc.sql(
                "SELECT count(*) FROM products WHERE active AND stock > 0"
                    + " AND price_minor BETWEEN 1000 AND 5000")
            .query(Integer.class)
            .single();
    assertThat(items).hasSize(expected).isNotEmpty();
    assertThat(items)
        .allMatch(i -> i.get("priceMinor").asLong() >= 1000 && i.get("priceMinor").asLong() <= 5000)
        .allMatch(i -> i.get("inStock").asBoolean());
    assertThat(all("/api/catalog/products?inStock=false&limit=100"))
        .isNotEmpty()
        .allMatch(i -> i.get("stock").asInt() == 0);
  }

  @Test
  void ranksProductsNamedAfterTheSearchAboveThoseThatOnlyMentionIt() {
    JsonNode page = get("/api/catalog/products?q=wireless%20headphones&limit=5");

    assertThat(page.get("search").asString()).isEqualTo("full_text");
    assertThat(page.get("items")).isNotEmpty();
    assertThat(page.get("items").get(0).get("name").asString()).contains("Wireless Headphones");
  }

  @Test
  void fallsBackToFuzzyMatchingForATypo() {
    JsonNode page = get("/api/catalog/products?q=hedphones&limit=10");

    assertThat(page.get("search").asString()).isEqualTo("fuzzy");
    assertThat(page.get("items")).isNotEmpty();
    assertThat(page.get("items").get(0).get("name").asString()).containsIgnoringCase("headphones");
  }

  @Test
  void pagesThroughSearchResultsByRankExactlyOnce() {
    List<JsonNode> items = all("/api/catalog/products?q=watch&limit=7");
    int expected =
        jdbc.sql(
                "SELECT count(*) FROM products WHERE active"
                    + " AND search @@ websearch_to_tsquery('english', 'watch')")
            .query(Integer.class)
            .single();

    assertThat(items).hasSize(expected).hasSizeGreaterThan(7);
    assertThat(items.stream().map(i -> i.get("id").asString())).doesNotHaveDuplicates();
  }

  @Test
  void listsTheCategoryTree() {
    JsonNode tree = json.readTree(http().get("/api/catalog/categories").body());

    assertThat(tree).hasSize(12);
    JsonNode audio = tree.get(0);
    assertThat(audio.get("id").asString()).isEqualTo("c-audio");
    assertThat(audio.get("children").findValuesAsString("id"))
        .containsExactly("c-audio-headphones", "c-audio-speakers");
  }

  @Test
  void showsAProductWithAttributesImagesAndItsVersionAsETag() {
    HttpResponse<String> response = http().get("/api/catalog/products/P00042");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("ETag")).hasValue("\"0\"");
    JsonNode product = json.readTree(response.body());
    assertThat(product.get("attributes").get("brand").asString()).isNotBlank();
    assertThat(product.get("imageUrls").get(0).asString()).startsWith("https://");
    assertThat(product.get("description").asString()).isNotBlank();
  }

  @Test
  void flagsProductsWithoutStock() {
    // Every 17th product of a category is seeded without stock.
    assertThat(http().get("/api/catalog/products/P00017").body())
        .contains("\"stock\":0", "\"inStock\":false");
  }

  @Test
  void rejectsAnOversizedPageNamingLimit() {
    HttpResponse<String> response = http().get("/api/catalog/products?limit=101");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("page-size", "\"field\":\"limit\"");
  }

  @Test
  void rejectsACursorOfAnotherSortAndBadFilters() {
    String priceCursor = get("/api/catalog/products?sort=price&limit=3").get("next").asString();

    assertThat(http().get("/api/catalog/products?sort=name&after=" + priceCursor).body())
        .contains("\"field\":\"after\"");
    assertThat(http().get("/api/catalog/products?sort=cheapest").body())
        .contains("\"field\":\"sort\"");
    assertThat(http().get("/api/catalog/products?minPrice=500&maxPrice=100").statusCode())
        .isEqualTo(400);
    assertThat(http().get("/api/catalog/products?q=" + "a".repeat(201)).body())
        .contains("\"field\":\"q\"");
  }

  @Test
  void answers404ForAnUnknownProduct() {
    HttpResponse<String> response = http().get("/api/catalog/products/P99999");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
  }

  private JsonNode get(String path) {
    HttpResponse<String> response = http().get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return json.readTree(response.body());
  }

  /** Every item of a listing, following {@code next} page by page. */
  private List<JsonNode> all(String path) {
    List<JsonNode> items = new ArrayList<>();
    String after = null;
    for (int pages = 0; pages < 100; pages++) {
      JsonNode page = get(path + (after == null ? "" : "&after=" + after));
      page.get("items").forEach(items::add);
      JsonNode next = page.get("next");
      if (next == null || next.isNull()) {
        return items;
      }
      after = next.asString();
    }
    throw new AssertionError("more than 100 pages");
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
