package com.shopverse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.events.InteractionType;
import com.shopverse.flink.PipelineTestBase;
import com.shopverse.recommendation.model.ModelSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The pipeline crashes mid-stream after part of its output reached ClickHouse, recovers from its
 * last checkpoint and replays: every count in ClickHouse must equal a recount of the input, exactly
 * — interactions, purchases and revenue from paid orders (duplicates, cancellations and payments
 * read before their order included), the shoppers' purchases, and the product dimension (newest
 * version wins, an older one arriving last changes nothing). The ops job's anomalies are read too
 * (the bot filter and its broadcast state are part of the crash and replay), but none of them flags
 * a shopper of the input, so nothing is excluded.
 */
class ExactlyOnceAfterCrashIT extends PipelineTestBase {

  static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

  /** Sessions that never evict (64 items) and a decay too slow to matter within the test. */
  static final ModelSettings MODEL =
      new ModelSettings(
          ModelSettings.defaults().weights(),
          Duration.ofMinutes(30),
          64,
          Duration.ofDays(3650),
          START,
          20,
          20,
          1,
          1,
          0.2,
          1,
          4,
          Duration.ofDays(1),
          false);

  record Sent(
      String eventId,
      String type,
      String userId,
      String productId,
      long minuteEpochSecond,
      int quantity,
      String json) {}

  @Test
  void countsEveryEventExactlyOnceAcrossACrashAndReplay() throws Exception {
    List<Sent> input = shoppers(4_000, new Random(42));
    // A client retry: the same events again, later in the stream.
    List<Sent> stream = new ArrayList<>(input);
    stream.addAll(input.subList(100, 400));
    // One event two hours older than the rest, arriving among them: late, so raw table only. It
    // comes at index 3,000, about when the injected crash does (300 stats rows in), so it often
    // arrives right after a restart, before any new watermark: the statistics must still judge it
    // late (they checkpoint the watermark they had seen; ProductMinuteStatsTest).
    Sent late =
        event(
            UUID.randomUUID().toString(),
            "PRODUCT_VIEWED",
            "u-late",
            "P-LATE",
            START.minusSeconds(7200),
            1);
    stream.add(3_000, late);

    Orders orders = Orders.generate(200, new Random(7));
    Catalog catalog = Catalog.generate(30, new Random(11));

    FailOnceSink.failed.set(false);
    FailOnceSink.written.set(0);
    run(stream, orders.stream(), catalog.stream());

    assertThat(FailOnceSink.failed).as("the injected crash happened").isTrue();
    assertThat(clickHouse.query("SELECT count() FROM interactions FINAL"))
        .containsExactly(List.of(Integer.toString(input.size() + 1)));
    assertThat(statsInClickHouse()).isEqualTo(recount(input, orders));
    assertThat(purchaseCategories())
        .as("paid lines carry the catalog's category, not the clients'")
        .isEqualTo(catalog.categories(orders));
    assertThat(productsInClickHouse()).isEqualTo(catalog.expected());
    List<Sent> modelled = new ArrayList<>(input);
    modelled.add(late); // too late for the minute counts, still one of the shopper's interactions
    assertSameScores(
        "co_visitation",
        clickHouse.query("SELECT product_id, neighbour_id, score FROM co_visitation FINAL"),
        recountCoVisitation(modelled));
    assertSameScores(
        "shopper_items",
        clickHouse.query("SELECT shopper_id, product_id, score FROM shopper_items FINAL"),
        recountShopperItems(modelled, orders));
    assertThat(
            clickHouse.query(
                "SELECT shopper_id, product_id FROM shopper_items FINAL WHERE purchased = 1"
                    + " ORDER BY shopper_id, product_id"))
        .as("already bought = the paid orders' lines")
        .isEqualTo(orders.boughtBy());
    assertThat(
            clickHouse.query(
                "SELECT count() FROM product_minute_stats FINAL WHERE product_id = 'P-LATE'"))
        .containsExactly(List.of("0"));
  }

  private static void run(List<Sent> stream, List<String> orderEvents, List<String> catalogEvents)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    // Every record and state type must be one Flink serializes itself: Kryo is refused.
    conf.set(PipelineOptions.GENERIC_TYPES, false);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(100);
    env.getConfig().setAutoWatermarkInterval(10);
    List<String> records = stream.stream().map(Sent::json).toList();
    var source =
        new DataGeneratorSource<>(
            i -> RawRecord.untraced(records.get(i.intValue())),
            records.size(),
            RateLimiterStrategy.perSecond(2_000),
            TypeInformation.of(RawRecord.class));
    var settings =
        new ClickHouseSinkSettings(
            server.httpUrl(), "shopverse", 200, Duration.ofMillis(50), 3, Duration.ofSeconds(5));
    PipelineSinks sinks = InteractionsPipeline.clickHouseSinks(settings);
    InteractionsPipeline.build(
        env,
        new PipelineSources(
            source,
            bounded("order-events", orderEvents, 400),
            bounded("catalog-events", catalogEvents, 400),
            bounded("anomalies", anomalies(), 400)),
        sinks.withProductMinuteStats(new FailOnceSink<>(sinks.productMinuteStats(), 300)),
        new PipelineSettings(
            Duration.ofHours(1),
            Duration.ofSeconds(5),
            Duration.ofMinutes(30),
            Duration.ofMillis(50),
            Duration.ofSeconds(30),
            Duration.ofDays(30),
            MODEL,
            Duration.ofDays(7)));
    env.execute("exactly-once-it");
  }

  /**
   * Anomalies that must exclude nobody here: a flagged shopper who sent nothing, a drop of a real
   * shopper, a level anomaly, a product, and an unreadable record.
   */
  private static List<String> anomalies() {
    String anomaly =
        "{\"series\":\"%s\",\"key\":\"%s\",\"bucketStart\":\"%s\",\"bucketSeconds\":60,"
            + "\"kind\":\"%s\",\"direction\":\"%s\",\"expected\":1,\"actual\":90,"
            + "\"score\":8,\"explanation\":\"test\"}";
    return List.of(
        anomaly.formatted("shopper.events", "u-absent", START, "peer", "up"),
        anomaly.formatted("shopper.events", "u3", START, "peer", "down"),
        anomaly.formatted("events.all", "*", START, "level", "up"),
        anomaly.formatted("product.views", "P1", START, "peer", "up"),
        "{\"series\":");
  }

  private static DataGeneratorSource<RawRecord> bounded(
      String topic, List<String> records, int perSecond) {
    return new DataGeneratorSource<>(
        i -> RawRecord.of(topic, records.get(i.intValue())),
        records.size(),
        RateLimiterStrategy.perSecond(perSecond),
        TypeInformation.of(RawRecord.class));
  }

  /**
   * What ClickHouse holds: "product minute" to "views clicks carts removes purchases revenue
   * currency".
   */
  private static Map<String, String> statsInClickHouse() {
    Map<String, String> stats = new TreeMap<>();
    for (List<String> row :
        clickHouse.query(
            "SELECT product_id, toUnixTimestamp(minute), views, clicks, carts, removes,"
                + " purchases, revenue_minor, currency FROM product_minute_stats FINAL")) {
      stats.put(row.get(0) + " " + row.get(1), String.join(" ", row.subList(2, row.size())));
    }
    return stats;
  }

  /** "product minute" to category, of the rows with purchases. */
  private static Map<String, String> purchaseCategories() {
    Map<String, String> categories = new TreeMap<>();
    for (List<String> row :
        clickHouse.query(
            "SELECT product_id, toUnixTimestamp(minute), category_id FROM product_minute_stats"
                + " FINAL WHERE purchases > 0")) {
      categories.put(row.get(0) + " " + row.get(1), row.get(2));
    }
    return categories;
  }

  private static Map<String, String> productsInClickHouse() {
    Map<String, String> products = new TreeMap<>();
    for (List<String> row :
        clickHouse.query(
            "SELECT product_id, sku, name, category_id, price_minor, currency, active, stock,"
                + " in_stock, product_version FROM products FINAL")) {
      products.put(row.get(0), String.join(" ", row.subList(1, row.size())));
    }
    return products;
  }

  /** The same, recounted from the input with each event once, purchases from paid orders. */
  private static Map<String, String> recount(List<Sent> input, Orders orders) {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, String> currencies = new HashMap<>();
    for (Orders.Line line : orders.paidLines()) {
      String key = line.productId() + " " + line.paidAt().getEpochSecond() / 60 * 60;
      long[] c = counts.computeIfAbsent(key, k -> new long[6]);
      c[4] += line.quantity();
      c[5] += line.quantity() * line.unitPriceMinor();
      currencies.put(key, "EUR");
    }
    for (Sent e : input) {
      long[] c =
          counts.computeIfAbsent(e.productId() + " " + e.minuteEpochSecond(), k -> new long[6]);
      switch (e.type()) {
        case "PRODUCT_VIEWED" -> c[0]++;
        case "PRODUCT_CLICKED" -> c[1]++;
        case "ADDED_TO_CART" -> c[2] += e.quantity();
        case "REMOVED_FROM_CART" -> c[3] += e.quantity();
        default -> {}
      }
    }
    Map<String, String> stats = new TreeMap<>();
    counts.forEach(
        (key, c) ->
            stats.put(
                key,
                c[0]
                    + " "
                    + c[1]
                    + " "
                    + c[2]
                    + " "
                    + c[3]
                    + " "
                    + c[4]
                    + " "
                    + c[5]
                    + " "
                    + currencies.getOrDefault(key, "")));
    return stats;
  }

  /**
   * Co-visitation recounted from the input: within one session (each shopper's ten minutes here) a
   * pair counts the product of the strongest weights its two products reached.
   */
  private static Map<String, Double> recountCoVisitation(List<Sent> input) {
    Map<String, Map<String, Double>> strongest = new HashMap<>();
    for (Sent e : input) {
      double weight = MODEL.weight(InteractionType.valueOf(e.type()));
      if (weight > 0) {
        strongest
            .computeIfAbsent(e.userId(), k -> new HashMap<>())
            .merge(e.productId(), weight, Math::max);
      }
    }
    Map<String, Double> pairs = new TreeMap<>();
    double boost = MODEL.boost(START.toEpochMilli());
    for (Map<String, Double> session : strongest.values()) {
      session.forEach(
          (a, wa) ->
              session.forEach(
                  (b, wb) -> {
                    if (!a.equals(b)) {
                      pairs.merge(a + " " + b, wa * wb * boost, Double::sum);
                    }
                  }));
    }
    return pairs;
  }

  /** Each shopper's weighted score per product, recounted from the input and the paid lines. */
  private static Map<String, Double> recountShopperItems(List<Sent> input, Orders orders) {
    Map<String, Double> scores = new TreeMap<>();
    for (Orders.Line line : orders.paidLines()) {
      scores.merge(
          "u:" + line.userId() + " " + line.productId(),
          MODEL.weight(InteractionType.PURCHASED) * MODEL.boost(START.toEpochMilli()),
          Double::sum);
    }
    for (Sent e : input) {
      double weight = MODEL.weight(InteractionType.valueOf(e.type()));
      scores.merge(
          "u:" + e.userId() + " " + e.productId(),
          weight * MODEL.boost(START.toEpochMilli()),
          Double::sum);
    }
    return scores;
  }

  /** Same keys, and scores equal up to the (negligible) decay within the test's ten minutes. */
  private static void assertSameScores(
      String table, List<List<String>> rows, Map<String, Double> expected) {
    Map<String, Double> actual = new TreeMap<>();
    for (List<String> row : rows) {
      actual.put(row.get(0) + " " + row.get(1), Double.parseDouble(row.get(2)));
    }
    assertThat(actual.keySet()).as(table + " keys").isEqualTo(expected.keySet());
    expected.forEach(
        (key, score) ->
            assertThat(actual.get(key))
                .as(table + " " + key)
                .isCloseTo(score, withinPercentage(0.01)));
  }

  /** Shoppers' events over ten minutes: 30 products, views most, then clicks, carts, removals. */
  private static List<Sent> shoppers(int n, Random random) {
    String[] types = {
      "PRODUCT_VIEWED",
      "PRODUCT_VIEWED",
      "PRODUCT_VIEWED",
      "PRODUCT_CLICKED",
      "ADDED_TO_CART",
      "REMOVED_FROM_CART"
    };
    Set<Sent> events = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      Instant at = START.plusMillis(i * 150L + random.nextInt(2_000)); // slightly out of order
      events.add(
          event(
              UUID.randomUUID().toString(),
              types[random.nextInt(types.length)],
              "u" + random.nextInt(20),
              "P" + random.nextInt(30),
              at,
              1 + random.nextInt(3)));
    }
    return new ArrayList<>(events);
  }

  private static Sent event(
      String id, String type, String userId, String productId, Instant at, int quantity) {
    String json =
        "{\"eventId\":\"%s\",\"type\":\"%s\",\"schemaVersion\":1,\"occurredAt\":\"%s\",\"receivedAt\":\"%s\",\"userId\":\"%s\",\"productId\":\"%s\",\"categoryId\":\"c-1\",\"quantity\":%d}"
            .formatted(id, type, at, at, userId, productId, quantity);
    return new Sent(id, type, userId, productId, at.getEpochSecond() / 60 * 60, quantity, json);
  }
}
