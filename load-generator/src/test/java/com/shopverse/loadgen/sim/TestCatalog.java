package com.shopverse.loadgen.sim;

import com.shopverse.loadgen.sim.Catalog.Product;
import java.util.ArrayList;
import java.util.List;

/** A catalog shaped like the demo one: 12 categories of 30 products, P00001..P00360. */
final class TestCatalog {

  static final String[] CATEGORIES = {
    "c-audio", "c-bags", "c-books", "c-garden", "c-jackets", "c-kitchen", //
    "c-laptops", "c-phones", "c-shirts", "c-shoes", "c-toys", "c-watches"
  };

  private TestCatalog() {}

  static List<Product> products() {
    List<Product> products = new ArrayList<>();
    for (int c = 0; c < CATEGORIES.length; c++) {
      for (int i = 1; i <= 30; i++) {
        String id = String.format("P%05d", c * 30 + i);
        products.add(
            new Product(
                id,
                "Classic " + CATEGORIES[c].substring(2) + " Item " + i,
                CATEGORIES[c],
                999 + i));
      }
    }
    return products;
  }

  static Catalog catalog(long seed) {
    return new Catalog(products(), seed);
  }
}
