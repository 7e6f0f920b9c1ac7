package com.shopverse.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.TestHttp;
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
    HttpResponse<String> first = http().get("/api/catalog/products?limit=20");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body())
        .contains("\"id\":\"P00001\"", "\"next\":\"P00020\"")
        .doesNotContain("P00021");

    HttpResponse<String> second = http().get("/api/catalog/products?limit=20&after=P00020");
    assertThat(second.body()).contains("\"id\":\"P00021\"").doesNotContain("\"id\":\"P00020\"");
  }

  @Test
  void filtersByCategory() throws Exception {
    String body = http().get("/api/catalog/products?category=c-toys&limit=100").body();

    assertThat(body).contains("\"categoryId\":\"c-toys\"").doesNotContain("c-shoes");
    assertThat(body.split("\"id\":").length - 1).isEqualTo(30);
  }

  @Test
  void flagsProductsWithoutStock() throws Exception {
    // Every 17th product of a category is seeded without stock.
    assertThat(http().get("/api/catalog/products/P00017").body())
        .contains("\"stock\":0", "\"inStock\":false");
  }

  @Test
  void rejectsAnOversizedPage() throws Exception {
    HttpResponse<String> response = http().get("/api/catalog/products?limit=101");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("page-size");
  }

  @Test
  void answers404ForAnUnknownProduct() throws Exception {
    HttpResponse<String> response = http().get("/api/catalog/products/P99999");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
