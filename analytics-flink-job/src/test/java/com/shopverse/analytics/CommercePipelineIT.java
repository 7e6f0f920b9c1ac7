package com.shopverse.analytics;

import static com.shopverse.analytics.KafkaPipelineIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.sink.DeadLetterSerializer;
import com.shopverse.events.catalog.ProductChanged;
import com.shopverse.events.catalog.StockChanged;
import com.shopverse.events.order.OrderPaid;
import com.shopverse.events.order.OrderPlaced;
import com.shopverse.flink.KafkaPipelineTestBase;
import com.shopverse.flink.PrometheusScrape;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job as {@link AnalyticsJob} wires it — three Kafka sources, the ClickHouse sinks and the
 * dead-letter topics — against a real KRaft broker and ClickHouse: purchases come from paid orders
 * only, the product dimension follows the catalog, and unreadable records of every topic land on
 * their dead-letter topic while the job goes on.
 */
class CommercePipelineIT extends KafkaPipelineTestBase {

  /** This test's topics (each test its own, so metrics and topics hold only its records). */
  String run;

  String interactionsTopic;
  String ordersTopic;
  String catalogTopic;

  /**
   * Starts the job on the test's MiniCluster (which is available per test, not in {@code
   * BeforeAll}).
   */
  @BeforeEach
  void startTheJob() throws Exception {
    run = UUID.randomUUID().toString().substring(0, 8);
    interactionsTopic = "user-interactions-" + run;
    ordersTopic = "order-events-" + run;
    catalogTopic = "catalog-events-" + run;
    for (String topic : List.of(interactionsTopic, ordersTopic, catalogTopic)) {
      kafka.createTopic(topic);
      kafka.createTopic(topic + DeadLetter.SUFFIX);
    }
    job =
        KafkaPipelineIT.startJob(
            AnalyticsJob.kafkaSources(
                kafka.bootstrapServers(),
                interactionsTopic,
                ordersTopic,
                catalogTopic,
                "it-" + run),
            KafkaPipelineIT.clickHouseSinks()
                .withDeadLetters(AnalyticsJob.deadLetterSink(kafka.bootstrapServers())),
            "commerce-pipeline-it");
  }

  JobClient job;

  /** Frees the job's slot for the next test (the MiniCluster has two). */
  @AfterEach
  void cancelTheJob() throws Exception {
    job.cancel().get();
  }

  @Test
  void countsAPaidOrderOnceAsPurchasesAndRevenueAndAClientPurchaseNever() throws Exception {
    String product = "P-PAID-" + run;
    String other = "P-OTHER-" + run;
    String user = "buyer-" + run;
    Instant now = Instant.now();
    kafka.send(catalogTopic, product, Catalog.json(changed(product, "cat-audio", 1, 7, now)), null);
    UUID order = UUID.randomUUID();
    String placed =
        Orders.json(
            new OrderPlaced(
                UUID.randomUUID(),
                now,
                1,
                order,
                user,
                List.of(new OrderPlaced.Line(product, 2, 500), new OrderPlaced.Line(other, 1, 300)),
                1_300,
                "EUR"));
    String paid =
        Orders.json(
            new OrderPaid(
                UUID.randomUUID(), now.plusMillis(200), 1, order, user, "pay-1", 1_300, "EUR"));
    // The outbox publishes at least once: both events twice.
    for (String event : List.of(placed, paid, placed, paid)) {
      kafka.send(ordersTopic, order.toString(), event, null);
    }
    // A client claims a purchase of five: kept raw, never counted as one.
    String claimed = UUID.randomUUID().toString();
    kafka.send(
        interactionsTopic,
        "cheater",
        interaction(claimed, "PURCHASED", "cheater", product, now, ",\"quantity\":5"),
        null);
    kafka.send(
        interactionsTopic,
        user,
        interaction(UUID.randomUUID().toString(), "PRODUCT_VIEWED", user, product, now, ""),
        null);

    String stats =
        "SELECT sum(views), sum(purchases), sum(revenue_minor), any(currency), any(category_id)"
            + " FROM product_minute_stats FINAL WHERE product_id = '%s'";
    await(
        Duration.ofSeconds(60),
        () ->
            clickHouse
                .query(stats.formatted(product))
                .get(0)
                .equals(List.of("1", "2", "1000", "EUR", "cat-audio")));
    await(
        Duration.ofSeconds(10),
        () ->
            clickHouse
                .query(stats.formatted(other))
                .get(0)
                .subList(0, 4)
                .equals(List.of("0", "1", "300", "EUR")));
    String bought =
        "SELECT shopper_id, product_id, purchased FROM shopper_items FINAL"
            + " WHERE shopper_id IN ('u:"
            + user
            + "', 'u:cheater') ORDER BY product_id";
    // Another sink than the stats' one: on a loaded machine its rows can land a moment later.
    await(Duration.ofSeconds(10), () -> clickHouse.query(bought).size() >= 2);
    assertThat(clickHouse.query(bought))
        .as("already bought: the paid lines, not the client's claim")
        .containsExactly(List.of("u:" + user, other, "1"), List.of("u:" + user, product, "1"));
    assertThat(
            clickHouse.query(
                "SELECT type, quantity FROM interactions FINAL WHERE event_id = '" + claimed + "'"))
        .containsExactly(List.of("PURCHASED", "5"));
    // Settled: the duplicates changed nothing.
    Thread.sleep(1_000);
    assertThat(clickHouse.query(stats.formatted(product)).get(0))
        .containsExactly("1", "2", "1000", "EUR", "cat-audio");
  }

  @Test
  void keepsTheNewestVersionAndTheLatestStockInTheProductDimension() throws Exception {
    String product = "P-DIM-" + run;
    Instant t = Instant.now().minusSeconds(60);
    kafka.send(
        catalogTopic,
        product,
        Catalog.json(changed(product, "cat-new", 2, 9, t.plusSeconds(10))),
        null);
    // Older in every way, read later (another eventId): changes nothing.
    kafka.send(catalogTopic, product, Catalog.json(changed(product, "cat-old", 1, 50, t)), null);
    kafka.send(catalogTopic, product, Catalog.json(stock(product, -9, 0, t.plusSeconds(20))), null);
    // A stock change that happened before the last one, read after it: stock stays 0.
    kafka.send(catalogTopic, product, Catalog.json(stock(product, -1, 8, t.plusSeconds(15))), null);

    String query =
        "SELECT name, category_id, price_minor, stock, in_stock, product_version FROM products FINAL"
            + " WHERE product_id = '"
            + product
            + "'";
    List<String> expected = List.of("Product v2", "cat-new", "1200", "0", "0", "2");
    awaitRows(query, List.of(expected));
    String stale = "flink_taskmanager_job_task_operator_shopverse_stale_catalog_events";
    await(Duration.ofSeconds(10), () -> scrape().sum(stale) >= 2);
    assertThat(clickHouse.query(query)).containsExactly(expected);
  }

  @Test
  void sendsUnreadableRecordsOfEveryTopicToTheirDeadLetterTopicAndKeepsGoing() throws Exception {
    Map<String, String> bad = new HashMap<>();
    bad.put(interactionsTopic, "{not json " + run);
    bad.put(
        ordersTopic,
        "{\"type\":\"OrderTeleported\",\"eventId\":\""
            + UUID.randomUUID()
            + "\",\"run\":\""
            + run
            + "\"}");
    bad.put(
        catalogTopic,
        "{\"type\":\"StockChanged\",\"eventId\":\""
            + UUID.randomUUID()
            + "\",\"occurredAt\":\"2026-11-25T10:00:00Z\",\"schemaVersion\":1,\"stock\":1,\"run\":\""
            + run
            + "\"}");
    for (var e : bad.entrySet()) {
      kafka.send(e.getKey(), "k", e.getValue(), null);
    }
    // Good records behind the bad ones on the same partitions are still read.
    String after = "P-AFTER-" + run;
    String viewed = UUID.randomUUID().toString();
    kafka.send(
        interactionsTopic,
        "u",
        interaction(viewed, "PRODUCT_VIEWED", "u", after, Instant.now(), ""),
        null);
    kafka.send(
        catalogTopic, after, Catalog.json(changed(after, "cat-after", 1, 3, Instant.now())), null);

    Map<String, ConsumerRecord<byte[], byte[]>> letters = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = deadLetterConsumer()) {
      consumer.subscribe(bad.keySet().stream().map(t -> t + DeadLetter.SUFFIX).toList());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline && !letters.keySet().containsAll(bad.keySet())) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          String value = new String(r.value(), StandardCharsets.UTF_8);
          if (value.contains(run)) {
            letters.put(header(r, DeadLetterSerializer.SOURCE_TOPIC), r);
          }
        }
      }
    }
    assertThat(letters.keySet()).containsExactlyInAnyOrderElementsOf(bad.keySet());
    Map<String, String> reasons = new HashMap<>();
    for (var e : letters.entrySet()) {
      ConsumerRecord<byte[], byte[]> r = e.getValue();
      assertThat(r.topic()).isEqualTo(e.getKey() + ".dlt");
      assertThat(r.value()).isEqualTo(bad.get(e.getKey()).getBytes(StandardCharsets.UTF_8));
      assertThat(header(r, DeadLetterSerializer.SOURCE_PARTITION)).isEqualTo("0");
      assertThat(Long.parseLong(header(r, DeadLetterSerializer.SOURCE_OFFSET))).isNotNegative();
      reasons.put(e.getKey(), header(r, DeadLetterSerializer.REASON).split(":")[0]);
    }
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                interactionsTopic, "malformed-json",
                ordersTopic, "unknown-type",
                catalogTopic, "missing-field"));
    assertThat(header(letters.get(catalogTopic), DeadLetterSerializer.REASON))
        .isEqualTo("missing-field: productId");

    await(
        Duration.ofSeconds(30),
        () ->
            clickHouse
                    .query(
                        "SELECT count() FROM interactions FINAL WHERE event_id = '" + viewed + "'")
                    .equals(List.of(List.of("1")))
                && clickHouse
                    .query(
                        "SELECT category_id FROM products FINAL WHERE product_id = '" + after + "'")
                    .equals(List.of(List.of("cat-after"))));
    PrometheusScrape metrics = scrape();
    String deadLetters = "flink_taskmanager_job_task_operator_shopverse_dead_letters";
    assertThat(metrics.sum(deadLetters, "operator_name=\"parse_interaction\"")).isEqualTo(1);
    assertThat(metrics.sum(deadLetters, "operator_name=\"parse_order_event\"")).isEqualTo(1);
    assertThat(metrics.sum(deadLetters, "operator_name=\"parse_catalog_event\"")).isEqualTo(1);
    assertThat(metrics.sum("flink_taskmanager_job_task_operator_interactionsMalformed"))
        .isEqualTo(1);
    assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
  }

  /** Waits for the query to answer {@code rows}; on timeout, fails showing what it answered. */
  private static void awaitRows(String query, List<List<String>> rows) throws Exception {
    try {
      await(Duration.ofSeconds(60), () -> rows.equals(clickHouse.query(query)));
    } catch (AssertionError timeout) {
      assertThat(clickHouse.query(query)).as(query).isEqualTo(rows);
    }
  }

  private static KafkaConsumer<byte[], byte[]> deadLetterConsumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "dlt-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ProductChanged changed(
      String product, String category, long version, int stock, Instant at) {
    return new ProductChanged(
        UUID.randomUUID(),
        at,
        1,
        ProductChanged.Change.UPDATED,
        product,
        "SKU-" + product,
        "Product v" + version,
        category,
        1_000 + version * 100,
        "EUR",
        true,
        stock,
        stock > 0,
        version);
  }

  private static StockChanged stock(String product, int delta, int stock, Instant at) {
    return new StockChanged(
        UUID.randomUUID(),
        at,
        1,
        product,
        delta,
        stock,
        stock > 0,
        StockChanged.Reason.ADJUSTED,
        null);
  }

  private static String interaction(
      String id, String type, String user, String product, Instant at, String extra) {
    return "{\"eventId\":\"%s\",\"type\":\"%s\",\"schemaVersion\":1,\"occurredAt\":\"%s\",\"receivedAt\":\"%s\",\"userId\":\"%s\",\"productId\":\"%s\"%s}"
        .formatted(id, type, at, at, user, product, extra);
  }
}
