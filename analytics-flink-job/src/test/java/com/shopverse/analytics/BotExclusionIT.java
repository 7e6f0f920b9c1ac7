package com.shopverse.analytics;

import static com.shopverse.analytics.KafkaPipelineIT.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.flink.KafkaPipelineTestBase;
import com.shopverse.flink.PrometheusScrape;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The job as {@link AnalyticsJob} wires it, with its fourth source, the ops job's {@code anomalies}
 * topic, against a real KRaft broker and ClickHouse: once a shopper is flagged as a bot, its
 * interactions still reach the raw table but no longer train the recommendations (co-visitation,
 * shopper profiles, per-minute statistics); its open session's co-visitation and its profile are
 * taken back; and a crash after the flag does not make the job forget it.
 */
class BotExclusionIT extends KafkaPipelineTestBase {

  String run;
  String interactions;
  String anomalies;
  JobClient job;

  @AfterEach
  void cancelTheJob() throws Exception {
    job.cancel().get();
  }

  @Test
  void aFlaggedBotsInteractionsStayRawAndTrainNothing() throws Exception {
    run = UUID.randomUUID().toString().substring(0, 8);
    interactions = "user-interactions-" + run;
    anomalies = "anomalies-" + run;
    String orders = "order-events-" + run;
    String catalog = "catalog-events-" + run;
    for (String topic : List.of(interactions, orders, catalog, anomalies)) {
      kafka.createTopic(topic);
      kafka.createTopic(topic + DeadLetter.SUFFIX);
    }
    String alice = "alice-" + run;
    String bot = "bot-" + run;
    String p1 = "P1-" + run;
    String p2 = "P2-" + run;
    String p3 = "P3-" + run;
    String b1 = "B1-" + run;
    String b2 = "B2-" + run;
    String b3 = "B3-" + run;
    String b4 = "B4-" + run;
    FailOnceSink.failed.set(false);
    FailOnceSink.written.set(0);
    // The interactions sink crashes its task once, on the first row after the 6 of the first part.
    startTheJob(orders, catalog, 7);

    Instant now = Instant.now();
    view(alice, p1, now);
    view(alice, p2, now.plusSeconds(1));
    view(bot, p1, now);
    view(bot, b1, now.plusSeconds(1));
    view(bot, b2, now.plusSeconds(2));
    cart(bot, b2, now.plusSeconds(3));
    await(Duration.ofSeconds(60), () -> score(p1, b2) > 0 && score(p1, p2) > 0);
    await(Duration.ofSeconds(10), () -> itemsWithScore("u:" + bot) == 3);

    // The ops job flags the bot (and writes an unreadable record, and one that flags nobody).
    kafka.send(anomalies, "shopper.events|" + bot, anomaly(bot, "peer", now), null);
    kafka.send(anomalies, "x", "{\"series\":", null);
    kafka.send(anomalies, "events.all|*", anomaly("*", "level", now), null);

    // Its open session and its profile are taken back.
    await(Duration.ofSeconds(30), () -> itemsWithScore("u:" + bot) == 0);
    await(Duration.ofSeconds(10), () -> score(p1, b2) == 0 && score(b1, b2) == 0);
    assertThat(score(p1, b1)).isZero();
    assertThat(score(b2, p1)).isZero();
    assertThat(score(p1, p2)).as("alice's pair is hers alone").isPositive();
    assertThat(clickHouse.query(count("shopper_items", "shopper_id = 'u:" + bot + "'")))
        .containsExactly(List.of("3"));
    PrometheusScrape metrics = scrape();
    String deadLetters = "flink_taskmanager_job_task_operator_shopverse_dead_letters";
    assertThat(metrics.sum(deadLetters, "operator_name=\"parse_anomaly\"")).isEqualTo(1);
    assertThat(metrics.sum("flink_taskmanager_job_task_operator_shopverse_bot_flags")).isEqualTo(1);

    // A checkpoint holds the flag and the anomalies' offsets after it: the replay after the crash
    // below does not read the flag again.
    double checkpoints = scrape().sum("flink_jobmanager_job_numberOfCompletedCheckpoints");
    await(
        Duration.ofSeconds(30),
        () -> scrape().sum("flink_jobmanager_job_numberOfCompletedCheckpoints") >= checkpoints + 2);

    Instant later = now.plusSeconds(10);
    view(bot, b3, later);
    view(bot, b4, later.plusSeconds(1));
    view(bot, p2, later.plusSeconds(2));
    view(alice, p3, later.plusSeconds(3));
    await(Duration.ofSeconds(30), FailOnceSink.failed::get);
    view(alice, p3, later.plusSeconds(4));
    // The raw rows after the crash (the first of them crashed the writer) come from the replay.
    await(
        Duration.ofSeconds(90),
        () -> rawEvents(bot) == 7 && rawEvents(alice) == 4 && views(p3) == 2 && score(p3, p2) > 0);
    Thread.sleep(1_000); // what the bot's replayed events would have trained would be there now

    assertThat(views(b3)).isZero();
    assertThat(views(b4)).isZero();
    assertThat(views(p2)).as("alice's view only").isEqualTo(1);
    assertThat(views(b1)).as("per-minute counts before the flag stay").isEqualTo(1);
    assertThat(
            clickHouse.query(
                count(
                    "co_visitation",
                    "product_id IN ('%s', '%s') OR neighbour_id IN ('%s', '%s')"
                        .formatted(b3, b4, b3, b4))))
        .containsExactly(List.of("0"));
    assertThat(score(p3, p1)).isPositive();
    assertThat(score(p2, p1)).isEqualTo(score(p1, p2));
    assertThat(
            clickHouse.query(
                "SELECT product_id, score FROM shopper_items FINAL WHERE shopper_id = 'u:"
                    + bot
                    + "' ORDER BY product_id"))
        .containsExactly(List.of(b1, "0"), List.of(b2, "0"), List.of(p1, "0"));
    assertThat(itemsWithScore("u:" + alice)).isEqualTo(3);
    await(
        Duration.ofSeconds(10),
        () ->
            scrape().sum("flink_taskmanager_job_task_operator_shopverse_bot_events_excluded") == 3);
  }

  private void startTheJob(String orders, String catalog, long crashAtRow) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(500);
    var sinks =
        InteractionsPipeline.clickHouseSinks(
                new ClickHouseSinkSettings(
                    server.httpUrl(),
                    "shopverse",
                    100,
                    Duration.ofMillis(50),
                    0,
                    Duration.ofSeconds(5)))
            .withDeadLetters(AnalyticsJob.deadLetterSink(kafka.bootstrapServers()));
    sinks =
        new PipelineSinks(
            new FailOnceSink<>(sinks.interactions(), crashAtRow),
            sinks.productMinuteStats(),
            sinks.coVisitation(),
            sinks.shopperItems(),
            sinks.products(),
            sinks.deadLetters());
    InteractionsPipeline.build(
        env,
        AnalyticsJob.kafkaSources(
            kafka.bootstrapServers(), interactions, orders, catalog, anomalies, "it-" + run),
        sinks,
        PipelineSettings.defaults());
    job = env.executeAsync("bot-exclusion-it");
  }

  private void view(String user, String product, Instant at) throws Exception {
    send(user, "PRODUCT_VIEWED", product, at);
  }

  private void cart(String user, String product, Instant at) throws Exception {
    send(user, "ADDED_TO_CART", product, at);
  }

  private void send(String user, String type, String product, Instant at) throws Exception {
    String json =
        "{\"eventId\":\"%s\",\"type\":\"%s\",\"schemaVersion\":1,\"occurredAt\":\"%s\",\"receivedAt\":\"%s\",\"userId\":\"%s\",\"productId\":\"%s\",\"categoryId\":\"cat-1\"}"
            .formatted(UUID.randomUUID(), type, at, at, user, product);
    kafka.send(interactions, user, json, null);
  }

  /** What the ops job writes when a key is far above its peers in the bucket before {@code at}. */
  private static String anomaly(String key, String kind, Instant at) {
    return ("{\"series\":\"%s\",\"key\":\"%s\",\"bucketStart\":\"%s\",\"bucketSeconds\":60,"
            + "\"kind\":\"%s\",\"direction\":\"up\",\"expected\":1.0,\"actual\":80.0,"
            + "\"score\":7.5,\"explanation\":\"%s: 80 in a 60s bucket\"}")
        .formatted(
            "*".equals(key) ? "events.all" : "shopper.events", key, at.minusSeconds(60), kind, key);
  }

  private static double score(String product, String neighbour) {
    List<List<String>> rows =
        clickHouse.query(
            "SELECT score FROM co_visitation FINAL WHERE product_id = '%s' AND neighbour_id = '%s'"
                .formatted(product, neighbour));
    return rows.isEmpty() ? -1 : Double.parseDouble(rows.get(0).get(0));
  }

  private static long views(String product) {
    return Long.parseLong(
        clickHouse
            .query(
                "SELECT sum(views) FROM product_minute_stats FINAL WHERE product_id = '"
                    + product
                    + "'")
            .get(0)
            .get(0));
  }

  private static long rawEvents(String user) {
    return Long.parseLong(
        clickHouse.query(count("interactions", "user_id = '" + user + "'")).get(0).get(0));
  }

  private static long itemsWithScore(String shopper) {
    return Long.parseLong(
        clickHouse
            .query(count("shopper_items", "shopper_id = '" + shopper + "' AND score > 0"))
            .get(0)
            .get(0));
  }

  private static String count(String table, String where) {
    return "SELECT count() FROM " + table + " FINAL WHERE " + where;
  }
}
