package com.shopverse.loadgen.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The products shoppers choose from, read once from the gateway's public pages before the run, with
 * a popularity that is Zipf-like: within each category a seeded permutation decides which products
 * are the hits, so the same seed makes the same products popular.
 */
final class Catalog {

  record Product(String id, String name, String categoryId, long priceMinor) {}

  private static final Pattern FIELD =
      Pattern.compile("\"(id|name|categoryId|priceMinor)\":(\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+))");
  private static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");
  static final double PRODUCT_EXPONENT = 1.0;
  static final double CATEGORY_EXPONENT = 0.8;

  private final List<Product> products;
  private final List<String> categories;
  private final Map<String, List<Product>> byCategory;
  private final Map<String, Zipf> zipfByCategory = new TreeMap<>();
  private final Zipf categoryZipf;
  private final Zipf globalZipf;
  private final List<Product> globalRanking;

  Catalog(List<Product> all, long seed) {
    if (all.isEmpty()) {
      throw new IllegalStateException("the catalog has no products");
    }
    this.products = all.stream().sorted(Comparator.comparing(Product::id)).toList();
    Random random = new Random(seed ^ 0x5DEECE66DL);
    Map<String, List<Product>> grouped = new TreeMap<>();
    for (Product p : products) {
      grouped.computeIfAbsent(p.categoryId(), c -> new ArrayList<>()).add(p);
    }
    this.byCategory = new LinkedHashMap<>();
    for (var e : grouped.entrySet()) {
      List<Product> ranked = new ArrayList<>(e.getValue());
      Collections.shuffle(ranked, random);
      byCategory.put(e.getKey(), List.copyOf(ranked));
      zipfByCategory.put(e.getKey(), new Zipf(ranked.size(), PRODUCT_EXPONENT));
    }
    List<String> cats = new ArrayList<>(byCategory.keySet());
    Collections.shuffle(cats, random);
    this.categories = List.copyOf(cats);
    this.categoryZipf = new Zipf(categories.size(), CATEGORY_EXPONENT);
    List<Product> global = new ArrayList<>(products);
    Collections.shuffle(global, random);
    this.globalRanking = List.copyOf(global);
    this.globalZipf = new Zipf(global.size(), PRODUCT_EXPONENT);
  }

  /** Products from catalog pages ({@code {"items":[...],"next":...}}), and the next cursor. */
  static List<Product> parsePage(String body) {
    List<Product> page = new ArrayList<>();
    String[] objects = body.split("\\{(?=\"id\":)");
    for (int i = 1; i < objects.length; i++) {
      Map<String, String> fields = new TreeMap<>();
      Matcher m = FIELD.matcher(objects[i]);
      while (m.find()) {
        fields.putIfAbsent(m.group(1), m.group(3) != null ? m.group(3) : m.group(4));
      }
      if (fields.containsKey("id") && fields.containsKey("categoryId")) {
        page.add(
            new Product(
                fields.get("id"),
                fields.getOrDefault("name", fields.get("id")),
                fields.get("categoryId"),
                Long.parseLong(fields.getOrDefault("priceMinor", "0"))));
      }
    }
    return page;
  }

  static String next(String body) {
    Matcher m = NEXT.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  /** A category, the popular ones more often (a shopper's affinity). */
  String category(Random random) {
    return categories.get(categoryZipf.next(random));
  }

  /** A product of {@code category}, Zipf by popularity; an unknown category gives a global pick. */
  Product product(String category, Random random) {
    List<Product> ranked = byCategory.get(category);
    if (ranked == null) {
      return product(random);
    }
    return ranked.get(zipfByCategory.get(category).next(random));
  }

  /** Any product, Zipf by popularity over the whole catalog. */
  Product product(Random random) {
    return globalRanking.get(globalZipf.next(random));
  }

  Product byId(String id) {
    for (Product p : products) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }

  boolean hasCategory(String id) {
    return byCategory.containsKey(id);
  }

  List<String> categories() {
    return categories;
  }

  List<Product> products() {
    return products;
  }

  /** The popularity order within a category, most popular first. */
  List<Product> ranking(String category) {
    return byCategory.get(category);
  }
}
