package com.shopverse.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.flink.PipelineTestBase;
import com.shopverse.flink.PrometheusScrape;
import com.shopverse.testsupport.LocalProcess;
import java.time.Duration;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

/**
 * The sinks' failure metrics, scraped from Flink's Prometheus reporter while ClickHouse cannot be
 * reached: every failed insert is counted, and every one is retried (the job's setting: wait the
 * outage out), and no row is counted as written.
 */
class SinkFailureMetricsIT extends PipelineTestBase {

  static final String FAILURES =
      "flink_taskmanager_job_task_operator_shopverse_clickhouse_insert_failures";
  static final String RETRIES =
      "flink_taskmanager_job_task_operator_shopverse_clickhouse_insert_retries";
  static final String ROWS =
      "flink_taskmanager_job_task_operator_shopverse_clickhouse_rows_written";

  @Test
  void countsEveryFailedInsertAndItsRetryWhileClickHouseIsUnreachable() throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(1);
    String event =
        "{\"eventId\":\""
            + UUID.randomUUID()
            + "\",\"type\":\"SEARCHED\",\"schemaVersion\":1,"
            + "\"occurredAt\":\"2026-11-25T10:00:00Z\",\"userId\":\"u1\",\"query\":\"shoes\"}";
    var source =
        new DataGeneratorSource<>(
            i -> RawRecord.untraced(event), 1, TypeInformation.of(RawRecord.class));
    var nowhere =
        new ClickHouseSinkSettings(
            "http://127.0.0.1:" + LocalProcess.freePort(),
            "shopverse",
            100,
            Duration.ofMillis(20),
            0,
            Duration.ofSeconds(1));
    InteractionsPipeline.build(
        env, source, InteractionsPipeline.clickHouseSinks(nowhere), PipelineSettings.defaults());
    JobClient job = env.executeAsync("sink-failure-metrics-it");
    try {
      String interactions = "operator_name=\"clickhouse_interactions:_Writer\"";
      // Back-off 100, 200, 400, 800 ms: a fourth failure comes about 1.5 s in.
      KafkaPipelineIT.await(
          Duration.ofSeconds(30), () -> scrape().sum(FAILURES, interactions) >= 4);

      PrometheusScrape metrics = scrape();
      double failures = metrics.sum(FAILURES, interactions);
      double retries = metrics.sum(RETRIES, interactions);
      // A scrape may fall between counting a failure and counting its retry.
      assertThat(retries).isBetween(failures - 1, failures);
      assertThat(metrics.sum(ROWS, interactions)).isZero();
      // The other sinks had nothing to write: a searched event has no product.
      assertThat(metrics.sum(FAILURES, "operator_name=\"clickhouse_product_minute_stats:_Writer\""))
          .isZero();
    } finally {
      job.cancel().get();
    }
  }
}
