package com.shopverse.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Browsing the seeded demo catalog on a real PostgreSQL, without a token. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "shopverse.catalog.demo-data=true")
class ProductApiIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=catalog");
  }

  @AfterAll
  static void stop() {
    postgres.close();
  }

  @Test
  void pagesThroughTheDemoCatalogByKeyset() throws Exception {
    HttpResponse<String> first = get("/api/catalog/products?limit=20");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"id\":\"P00001\"", "\"next\":\"P00020\"")
        .doesNotContain("P00021");

    HttpResponse<String> second = get("/api/catalog/products?limit=20&after=P00020");
    assertThat(second.body()).contains("\"id\":\"P00021\"").doesNotContain("\"id\":\"P00020\"");
  }

  @Test
  void filtersByCategory() throws Exception {
    String body = get("/api/catalog/products?category=c-toys&limit=100").body();

    assertThat(body).contains("\"categoryId\":\"c-toys\"").doesNotContain("c-shoes");
    assertThat(body.split("\"id\":").length - 1).isEqualTo(30);
  }

  @Test
  void flagsProductsWithoutStock() throws Exception {
    // Every 17th product of a category is seeded without stock.
    assertThat(get("/api/catalog/products/P00017").body())
        .contains("\"stock\":0", "\"inStock\":false");
  }

  @Test
  void rejectsAnOversizedPage() throws Exception {
    HttpResponse<String> response = get("/api/catalog/products?limit=101");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("page-size");
  }

  @Test
  void answers404ForAnUnknownProduct() throws Exception {
    HttpResponse<String> response = get("/api/catalog/products/P99999");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
