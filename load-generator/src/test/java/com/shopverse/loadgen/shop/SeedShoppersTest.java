package com.shopverse.loadgen.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.loadgen.shop.ShopHttp.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeedShoppersTest {

  static final List<Product> CATALOG = new ArrayList<>();

  static {
    for (int i = 0; i < 60; i++) {
      CATALOG.add(new Product("P%03d".formatted(i), "c-" + (i % 3), true));
    }
  }

  @Test
  void theSameSeedGivesTheSameSessions() {
    assertThat(SeedShoppers.sessions(CATALOG, 50, new Random(1)))
        .isEqualTo(SeedShoppers.sessions(CATALOG, 50, new Random(1)))
        .isNotEqualTo(SeedShoppers.sessions(CATALOG, 50, new Random(2)));
  }

  @Test
  void eachShopperStaysInOneCategoryAndEndsWithACartAdd() {
    List<String> events = SeedShoppers.sessions(CATALOG, 200, new Random(3));

    for (int shopper = 0; shopper < 200; shopper++) {
      String id = "\"anonymousId\":\"seed-" + shopper + "\"";
      List<String> own = events.stream().filter(e -> e.contains(id)).toList();
      assertThat(
              own.stream()
                  .map(e -> e.replaceAll(".*\"categoryId\":\"([^\"]+)\".*", "$1"))
                  .distinct())
          .hasSize(1);
      assertThat(own.get(own.size() - 1)).contains("ADDED_TO_CART");
    }
  }

  @Test
  void zipfFavoursTheFirstRanks() {
    Random random = new Random(4);
    int[] counts = new int[10];
    for (int i = 0; i < 20_000; i++) {
      counts[SeedShoppers.zipf(10, random)]++;
    }
    assertThat(counts[0]).isGreaterThan(counts[1]).isGreaterThan(counts[9] * 5);
  }
}
