package com.shopverse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.flink.KafkaPipelineTestBase;
import com.shopverse.flink.PrometheusScrape;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The job as {@link AnalyticsJob} wires it — its Kafka source and deserializer, the pipeline, the
 * ClickHouse sinks — against a real KRaft broker and ClickHouse, observed through Flink's
 * Prometheus reporter: trace ids from Kafka headers reach the rows, and the job's own metrics count
 * what it did.
 */
class KafkaPipelineIT extends KafkaPipelineTestBase {

  @Test
  void writesTheTraceIdOfEachRecordsTraceparentHeaderOntoItsRow() throws Exception {
    String topic = "traced-" + UUID.randomUUID();
    kafka.createTopic(topic);
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String traced = UUID.randomUUID().toString();
    String untraced = UUID.randomUUID().toString();
    String garbled = UUID.randomUUID().toString();
    Instant now = Instant.now();
    kafka.send(topic, "u1", event(traced, "u1", now), "00-" + traceId + "-00f067aa0ba902b7-01");
    kafka.send(topic, "u1", event(untraced, "u1", now), null);
    kafka.send(topic, "u1", event(garbled, "u1", now), "00-not-a-trace-01");

    JobClient job = start(topic);
    try {
      Map<String, String> traceIds = new TreeMap<>();
      await(
          Duration.ofSeconds(60),
          () -> {
            traceIds.clear();
            clickHouse
                .query(
                    "SELECT event_id, trace_id FROM interactions FINAL WHERE event_id IN ("
                        + quoted(traced, untraced, garbled)
                        + ")")
                .forEach(row -> traceIds.put(row.get(0), row.get(1)));
            return traceIds.size() == 3;
          });
      assertThat(traceIds)
          .containsExactlyInAnyOrderEntriesOf(Map.of(traced, traceId, untraced, "", garbled, ""));
      assertThat(
              clickHouse.query(
                  "SELECT event_id FROM interactions FINAL WHERE trace_id = '" + traceId + "'"))
          .containsExactly(List.of(traced));
    } finally {
      job.cancel().get();
    }
  }

  @Test
  void countsRowsWrittenLateEventsAndWatermarkLagInItsPrometheusMetrics() throws Exception {
    String topic = "metrics-" + UUID.randomUUID();
    kafka.createTopic(topic);
    Instant now = Instant.now();
    List<String> onTime = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String id = UUID.randomUUID().toString();
      onTime.add(id);
      kafka.send(topic, "m" + i, event(id, "m" + i, now), null);
    }
    // A client retry of the first event: deduplicated, so not written a second time.
    kafka.send(topic, "m0", event(onTime.get(0), "m0", now), null);

    JobClient job = start(topic);
    try {
      await(Duration.ofSeconds(60), () -> count(onTime) == onTime.size());
      String rows = "flink_taskmanager_job_task_operator_shopverse_clickhouse_rows_written";
      String interactionsSink = "operator_name=\"clickhouse_interactions:_Writer\"";
      await(Duration.ofSeconds(10), () -> scrape().sum(rows, interactionsSink) == onTime.size());

      // The periodic watermark must have reached the operators before the late event does.
      await(
          Duration.ofSeconds(10),
          () ->
              scrape()
                      .sum(
                          "flink_taskmanager_job_task_operator_currentInputWatermark",
                          "operator_name=\"product_minute_stats\"")
                  > 0);

      // Two hours behind the others: its minute closed long ago (allowed lateness 1 h), so it is
      // late for the counts, and still written to the raw table.
      String late = UUID.randomUUID().toString();
      kafka.send(topic, "late", event(late, "late", now.minus(Duration.ofHours(2))), null);
      String lateEvents = "flink_taskmanager_job_task_operator_shopverse_late_events";
      await(
          Duration.ofSeconds(30), () -> scrape().sum(lateEvents) == 1 && count(List.of(late)) == 1);
      await(
          Duration.ofSeconds(10), () -> scrape().sum(rows, interactionsSink) == onTime.size() + 1);
      // A checkpoint, so that the checkpoint metrics have something to show.
      await(
          Duration.ofSeconds(30),
          () -> scrape().sum("flink_jobmanager_job_numberOfCompletedCheckpoints") >= 1);

      PrometheusScrape metrics = scrape();
      System.out.println("Flink metric names exposed:\n" + String.join("\n", metrics.names()));
      assertThat(metrics.sum(lateEvents)).isEqualTo(1);
      assertThat(metrics.sum(rows, interactionsSink)).isEqualTo(onTime.size() + 1);
      assertThat(metrics.sum(rows)).as("rows of every table").isGreaterThan(onTime.size() + 1);
      assertThat(
              metrics.sum(
                  "flink_taskmanager_job_task_operator_shopverse_clickhouse_insert_failures"))
          .isZero();
      assertThat(
              metrics.sum(
                  "flink_taskmanager_job_task_operator_shopverse_clickhouse_insert_retries"))
          .isZero();
      // The watermark trails the newest event time by the 5 s out-of-orderness, plus the time
      // since those events were stamped.
      double lag = metrics.sum("flink_taskmanager_job_task_operator_shopverse_watermark_lag_ms");
      assertThat(lag)
          .isBetween(5_000.0, (double) Duration.between(now, Instant.now()).toMillis() + 5_100);
      System.out.println(
          "Checkpoints: "
              + metrics.series("flink_jobmanager_job_numberOfCompletedCheckpoints")
              + metrics.series("flink_jobmanager_job_numberOfFailedCheckpoints"));
      assertThat(metrics.names())
          .contains(
              "flink_jobmanager_job_lastCheckpointDuration",
              "flink_jobmanager_job_numberOfCompletedCheckpoints",
              "flink_jobmanager_job_numberOfFailedCheckpoints",
              "flink_taskmanager_job_task_operator_numRecordsIn",
              "flink_taskmanager_job_task_operator_numRecordsOut",
              "flink_taskmanager_job_task_operator_pendingRecords",
              "flink_taskmanager_job_task_operator_KafkaSourceReader_KafkaConsumer_records_lag_max");
      // 27 records read from Kafka (the retry included), 26 unique events.
      assertThat(
              metrics.sum(
                  "flink_taskmanager_job_task_operator_numRecordsIn",
                  "operator_name=\"parse_interaction\""))
          .isEqualTo(onTime.size() + 2);
    } finally {
      job.cancel().get();
    }
  }

  private static JobClient start(String topic) throws Exception {
    return startJob(
        PipelineSources.interactionsOnly(
            AnalyticsJob.kafkaSource(kafka.bootstrapServers(), topic, "it-" + topic)),
        clickHouseSinks(),
        "kafka-pipeline-it");
  }

  /**
   * The pipeline on the test's MiniCluster, checkpointing every 500 ms, as the Kafka ITs run it.
   */
  static JobClient startJob(PipelineSources sources, PipelineSinks sinks, String name)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    env.enableCheckpointing(500);
    InteractionsPipeline.build(env, sources, sinks, PipelineSettings.defaults());
    return env.executeAsync(name);
  }

  /** The ClickHouse sinks on the test's ClickHouse, flushing small batches fast. */
  static PipelineSinks clickHouseSinks() {
    return InteractionsPipeline.clickHouseSinks(
        new ClickHouseSinkSettings(
            server.httpUrl(), "shopverse", 100, Duration.ofMillis(50), 0, Duration.ofSeconds(5)));
  }

  private static long count(List<String> eventIds) {
    return Long.parseLong(
        clickHouse
            .query(
                "SELECT count() FROM interactions FINAL WHERE event_id IN ("
                    + quoted(eventIds.toArray(String[]::new))
                    + ")")
            .get(0)
            .get(0));
  }

  private static String quoted(String... values) {
    return String.join(",", List.of(values).stream().map(v -> "'" + v + "'").toList());
  }

  static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not true within " + timeout);
      }
      Thread.sleep(100);
    }
  }

  private static String event(String id, String user, Instant occurredAt) {
    return "{\"eventId\":\""
        + id
        + "\",\"type\":\"PRODUCT_VIEWED\",\"schemaVersion\":1,\"occurredAt\":\""
        + occurredAt
        + "\",\"receivedAt\":\""
        + occurredAt
        + "\",\"userId\":\""
        + user
        + "\",\"productId\":\"P-METRICS\",\"source\":\"web\"}";
  }
}
