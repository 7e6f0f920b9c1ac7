package com.shopverse.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.shopverse.events.catalog.CatalogEvent;
import com.shopverse.events.catalog.ProductChanged;
import com.shopverse.events.catalog.StockChanged;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Catalog events as catalog-service publishes them, for pipeline tests: each product created and
 * updated twice (its category changing), stock moving between, the outbox re-publishing the oldest
 * version of every product last, and what the product dimension must then hold.
 */
final class Catalog {

  static final ObjectWriter JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .writerFor(CatalogEvent.class);

  private final List<String> stream;
  private final Map<String, String> expected;
  private final Map<String, String> categories;

  private Catalog(
      List<String> stream, Map<String, String> expected, Map<String, String> categories) {
    this.stream = stream;
    this.expected = expected;
    this.categories = categories;
  }

  static Catalog generate(int products, Random random) {
    List<String> stream = new ArrayList<>();
    List<String> republished = new ArrayList<>();
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> categories = new HashMap<>();
    Instant start = ExactlyOnceAfterCrashIT.START.minusSeconds(60);
    for (int p = 0; p < products; p++) {
      String id = "P" + p;
      long at = start.toEpochMilli() + p * 10L;
      ProductChanged last = null;
      int stock = 10 + random.nextInt(20);
      for (int version = 1; version <= 3; version++) {
        String category = "cat-" + ((p + version) % 5);
        last =
            new ProductChanged(
                UUID.randomUUID(),
                Instant.ofEpochMilli(at),
                1,
                version == 1 ? ProductChanged.Change.CREATED : ProductChanged.Change.UPDATED,
                id,
                "SKU-" + p,
                "Product " + p + " v" + version,
                category,
                1_000 + version * 100,
                "EUR",
                true,
                stock,
                stock > 0,
                version);
        String json = json(last);
        stream.add(json);
        if (version == 1) {
          republished.add(json); // the outbox again: same eventId, a duplicate
          // And the same old version under another eventId: older than what the job holds.
          republished.add(json.replace(last.eventId().toString(), UUID.randomUUID().toString()));
        }
        at += 30_000;
        for (int s = 0; s < 2; s++) {
          int delta = -random.nextInt(stock + 1);
          stock += delta;
          stream.add(
              json(
                  new StockChanged(
                      UUID.randomUUID(),
                      Instant.ofEpochMilli(at),
                      1,
                      id,
                      delta,
                      stock,
                      stock > 0,
                      StockChanged.Reason.RESERVED,
                      UUID.randomUUID())));
          at += 30_000;
        }
      }
      expected.put(
          id,
          String.join(
              " ",
              last.sku(),
              last.name(),
              last.categoryId(),
              Long.toString(last.priceMinor()),
              last.currency(),
              "1",
              Integer.toString(stock),
              stock > 0 ? "1" : "0",
              "3"));
      categories.put(id, last.categoryId());
    }
    stream.addAll(republished);
    return new Catalog(stream, expected, categories);
  }

  static String json(CatalogEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  List<String> stream() {
    return stream;
  }

  /** product id to "sku name category price currency active stock in_stock product_version". */
  Map<String, String> expected() {
    return expected;
  }

  /** "product minute" to the catalog's (last) category, for every paid line's product minute. */
  Map<String, String> categories(Orders orders) {
    Map<String, String> byMinute = new TreeMap<>();
    for (Orders.Line line : orders.paidLines()) {
      byMinute.put(
          line.productId() + " " + line.paidAt().getEpochSecond() / 60 * 60,
          categories.get(line.productId()));
    }
    return byMinute;
  }
}
