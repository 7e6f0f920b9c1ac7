package com.shopverse.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.events.InteractionType;
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
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The pipeline crashes mid-stream after part of its output reached ClickHouse, recovers from its
 * last checkpoint and replays: every count in ClickHouse must equal a recount of the input,
 * exactly.
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
    // One event two hours older than the rest, arriving last: late, so raw table only.
    Sent late =
        event(
            UUID.randomUUID().toString(),
            "PRODUCT_VIEWED",
            "u-late",
            "P-LATE",
            START.minusSeconds(7200),
            1);
    stream.add(late);

    FailOnceSink.failed.set(false);
    FailOnceSink.written.set(0);
    run(stream);

    assertThat(FailOnceSink.failed).as("the injected crash happened").isTrue();
    assertThat(clickHouse.query("SELECT count() FROM interactions FINAL"))
        .containsExactly(List.of(Integer.toString(input.size() + 1)));
    assertThat(statsInClickHouse()).isEqualTo(recount(input));
    List<Sent> modelled = new ArrayList<>(input);
    modelled.add(late); // too late for the minute counts, still one of the shopper's interactions
    assertSameScores(
        "co_visitation",
        clickHouse.query("SELECT product_id, neighbour_id, score FROM co_visitation FINAL"),
        recountCoVisitation(modelled));
    assertSameScores(
        "shopper_items",
        clickHouse.query("SELECT shopper_id, product_id, score FROM shopper_items FINAL"),
        recountShopperItems(modelled));
    assertThat(
            clickHouse.query(
                "SELECT count() FROM product_minute_stats FINAL WHERE product_id = 'P-LATE'"))
        .containsExactly(List.of("0"));
  }

  private static void run(List<Sent> stream) throws Exception {
    Configuration conf = new Configuration();
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
    env.setParallelism(2);
    env.enableCheckpointing(100);
    List<String> records = stream.stream().map(Sent::json).toList();
    var source =
        new DataGeneratorSource<>(
            i -> RawInteraction.untraced(records.get(i.intValue())),
            records.size(),
            RateLimiterStrategy.perSecond(2_000),
            TypeInformation.of(RawInteraction.class));
    var settings =
        new ClickHouseSinkSettings(
            server.httpUrl(), "shopverse", 200, Duration.ofMillis(50), 3, Duration.ofSeconds(5));
    PipelineSinks sinks = InteractionsPipeline.clickHouseSinks(settings);
    InteractionsPipeline.build(
        env,
        source,
        new PipelineSinks(
            sinks.interactions(),
            new FailOnceSink<>(sinks.productMinuteStats(), 300),
            sinks.coVisitation(),
            sinks.shopperItems()),
        new PipelineSettings(
            Duration.ofHours(1),
            Duration.ofSeconds(5),
            Duration.ofMinutes(30),
            Duration.ofMillis(50),
            Duration.ofSeconds(30),
            Duration.ofDays(30),
            MODEL));
    env.execute("exactly-once-it");
  }

  /** What ClickHouse holds: "product minute" to "views clicks carts removes". */
  private static Map<String, String> statsInClickHouse() {
    Map<String, String> stats = new TreeMap<>();
    for (List<String> row :
        clickHouse.query(
            "SELECT product_id, toUnixTimestamp(minute), views, clicks, carts, removes FROM product_minute_stats FINAL")) {
      stats.put(
          row.get(0) + " " + row.get(1),
          row.get(2) + " " + row.get(3) + " " + row.get(4) + " " + row.get(5));
    }
    return stats;
  }

  /** The same, recounted from the input with each event once. */
  private static Map<String, String> recount(List<Sent> input) {
    Map<String, long[]> counts = new HashMap<>();
    for (Sent e : input) {
      long[] c =
          counts.computeIfAbsent(e.productId() + " " + e.minuteEpochSecond(), k -> new long[4]);
      switch (e.type()) {
        case "PRODUCT_VIEWED" -> c[0]++;
        case "PRODUCT_CLICKED" -> c[1]++;
        case "ADDED_TO_CART" -> c[2] += e.quantity();
        case "REMOVED_FROM_CART" -> c[3] += e.quantity();
        default -> {}
      }
    }
    Map<String, String> stats = new TreeMap<>();
    counts.forEach((key, c) -> stats.put(key, c[0] + " " + c[1] + " " + c[2] + " " + c[3]));
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

  /** Each shopper's weighted score per product, recounted from the input. */
  private static Map<String, Double> recountShopperItems(List<Sent> input) {
    Map<String, Double> scores = new TreeMap<>();
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
