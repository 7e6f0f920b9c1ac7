package com.shopverse.loadgen.shop;

import com.shopverse.loadgen.shop.ShopHttp.Product;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeds shopper sessions through the real ingest API, so the pipeline builds co-visitation and
 * shopper profiles the way it would from traffic: each anonymous shopper has a favourite category
 * (Zipf over categories), views 3-8 of its products (Zipf within the category, and often the next
 * product in the catalog, a "complement"), clicks some and puts one in the cart. Fixed seed.
 *
 * <pre>java -cp load-generator.jar com.shopverse.loadgen.shop.SeedShoppers
 *     http://127.0.0.1:8082 http://127.0.0.1:8084 2000 [seed]</pre>
 *
 * Prints the shoppers' anonymous ids file-free: they are {@code seed-<n>}.
 */
public final class SeedShoppers {

  private SeedShoppers() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println("usage: SeedShoppers <catalog-url> <ingest-url> <shoppers> [seed]");
      System.exit(2);
    }
    ShopHttp http = new ShopHttp();
    List<Product> products = http.products(args[0]);
    int shoppers = Integer.parseInt(args[2]);
    Random random = new Random(args.length > 3 ? Long.parseLong(args[3]) : 42);
    List<String> events = sessions(products, shoppers, random);
    int sent = 0;
    for (int from = 0; from < events.size(); from += 500) {
      List<String> batch = events.subList(from, Math.min(events.size(), from + 500));
      var response = http.post(args[1] + "/api/events/batch", "[" + String.join(",", batch) + "]");
      if (response.statusCode() != 202) {
        throw new IllegalStateException(
            "batch refused: " + response.statusCode() + " " + response.body());
      }
      sent += batch.size();
    }
    System.out.println(
        "Seeded "
            + sent
            + " events of "
            + shoppers
            + " shoppers over "
            + products.size()
            + " products");
  }

  static List<String> sessions(List<Product> products, int shoppers, Random random) {
    Map<String, List<Product>> byCategory = new LinkedHashMap<>();
    products.stream()
        .sorted(Comparator.comparing(Product::id))
        .forEach(p -> byCategory.computeIfAbsent(p.categoryId(), c -> new ArrayList<>()).add(p));
    List<List<Product>> categories = new ArrayList<>(byCategory.values());
    List<String> events = new ArrayList<>();
    for (int shopper = 0; shopper < shoppers; shopper++) {
      String id = "seed-" + shopper;
      List<Product> category = categories.get(zipf(categories.size(), random));
      int views = 3 + random.nextInt(6);
      int at = zipf(category.size(), random);
      Product last = null;
      for (int v = 0; v < views; v++) {
        // Usually the complement of the previous product, sometimes another popular one.
        at = random.nextDouble() < 0.6 ? (at + 1) % category.size() : zipf(category.size(), random);
        last = category.get(at);
        events.add(ShopHttp.event("PRODUCT_VIEWED", last, id));
        if (random.nextDouble() < 0.3) {
          events.add(ShopHttp.event("PRODUCT_CLICKED", last, id));
        }
      }
      events.add(ShopHttp.event("ADDED_TO_CART", last, id));
    }
    return events;
  }

  /** An index in [0, n) with probability proportional to 1 / (rank + 1). */
  static int zipf(int n, Random random) {
    double total = 0;
    for (int i = 1; i <= n; i++) {
      total += 1.0 / i;
    }
    double pick = random.nextDouble() * total;
    for (int i = 1; i <= n; i++) {
      pick -= 1.0 / i;
      if (pick <= 0) {
        return i - 1;
      }
    }
    return n - 1;
  }
}
