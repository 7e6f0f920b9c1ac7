package com.shopverse.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogTest {

  @Test
  void readsProductsAndTheCursorFromACatalogPage() {
    String page =
        "{\"items\":[{\"id\":\"P00001\",\"sku\":\"SKU-AUDI-001\",\"name\":\"Urban \\\"Soundbar\\\" Air 1\","
            + "\"priceMinor\":8647,\"currency\":\"EUR\",\"categoryId\":\"c-audio\",\"stock\":18,\"inStock\":true,"
            + "\"imageUrl\":\"https://img/1.jpg\"},{\"id\":\"P00002\",\"sku\":\"S2\",\"name\":\"Two\",\"priceMinor\":5,"
            + "\"currency\":\"EUR\",\"categoryId\":\"c-audio-speakers\",\"stock\":0,\"inStock\":false,\"imageUrl\":null}],"
            + "\"next\":\"P00002\"}";
    assertThat(Catalog.parsePage(page))
        .containsExactly(
            new Catalog.Product("P00001", "Urban \\\"Soundbar\\\" Air 1", "c-audio", 8647),
            new Catalog.Product("P00002", "Two", "c-audio-speakers", 5));
    assertThat(Catalog.next(page)).isEqualTo("P00002");
    assertThat(Catalog.next("{\"items\":[],\"next\":null}")).isNull();
  }

  @Test
  void theSameSeedMakesTheSameProductsPopular() {
    assertThat(TestCatalog.catalog(1).ranking("c-toys"))
        .isEqualTo(TestCatalog.catalog(1).ranking("c-toys"));
    assertThat(TestCatalog.catalog(1).ranking("c-toys"))
        .isNotEqualTo(TestCatalog.catalog(2).ranking("c-toys"));
  }
}
