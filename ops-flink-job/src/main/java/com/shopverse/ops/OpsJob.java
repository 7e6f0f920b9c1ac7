package com.shopverse.ops;

import com.shopverse.clickhouse.ClickHouseSchema;
import com.shopverse.ops.sink.AnomalyMessage;
import com.shopverse.ops.sink.ClickHouseTableSink;
import java.time.Duration;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the operations job: reads settings, makes sure the ClickHouse tables and Kafka
 * topics exist, wires Kafka and ClickHouse into {@link OpsPipeline} and runs it. With {@code java
 * -jar} it runs on an in-process MiniCluster (the local stack); submitted to a Flink cluster it
 * runs there.
 */
public final class OpsJob {

  private static final Logger LOG = LoggerFactory.getLogger(OpsJob.class);

  private OpsJob() {}

  public static void main(String[] args) throws Exception {
    OpsSettings settings = OpsSettings.from(args);
    LOG.info("Ops job settings: {}", settings);
    ClickHouseSchema.apply(
        settings.clickhouseUrl(), settings.clickhouseDatabase(), Duration.ofSeconds(10));
    KafkaTopics.ensure(
        settings.kafkaBootstrap(),
        settings.topicPartitions(),
        settings.interactionsTopic(),
        settings.ordersTopic(),
        settings.anomaliesTopic());

    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
    env.setParallelism(settings.parallelism());
    env.enableCheckpointing(
        settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
    OpsPipeline.build(
        env,
        kafkaSource(settings.kafkaBootstrap(), settings.interactionsTopic(), settings.groupId()),
        kafkaSource(settings.kafkaBootstrap(), settings.ordersTopic(), settings.groupId()),
        sinks(
            settings.clickhouseUrl(),
            settings.clickhouseDatabase(),
            settings.kafkaBootstrap(),
            settings.anomaliesTopic()),
        settings.pipeline());
    env.execute("shopverse-ops");
  }

  /**
   * The values of {@code topic}, resuming from the committed offsets (earliest for a new group).
   */
  static KafkaSource<String> kafkaSource(String bootstrap, String topic, String groupId) {
    return KafkaSource.<String>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setValueOnlyDeserializer(new SimpleStringSchema())
        .setProperty("partition.discovery.interval.ms", "10000")
        .build();
  }

  /** The job's real sinks: two ClickHouse tables and the anomalies topic. */
  static OpsSinks sinks(String clickhouseUrl, String database, String bootstrap, String topic) {
    Duration timeout = Duration.ofSeconds(10);
    return new OpsSinks(
        new ClickHouseTableSink<>(
            new ClickHouseTableSink.Target(clickhouseUrl, database, "anomalies", 1000, timeout)),
        KafkaSink.<AnomalyRow>builder()
            .setBootstrapServers(bootstrap)
            .setRecordSerializer(
                KafkaRecordSerializationSchema.<AnomalyRow>builder()
                    .setTopic(topic)
                    .setKeySerializationSchema(new AnomalyMessage.Key())
                    .setValueSerializationSchema(new AnomalyMessage.Value())
                    .build())
            .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
            .build(),
        new ClickHouseTableSink<>(
            new ClickHouseTableSink.Target(
                clickhouseUrl, database, "series_forecasts", 5000, timeout)));
  }

  /**
   * Flink's Prometheus reporter on {@code port} (0: none): the job's metrics in this process. A
   * cluster configures its own reporters.
   */
  static void prometheusReporter(Configuration conf, int port) {
    if (port <= 0) {
      return;
    }
    conf.set(
        ConfigOptions.key("metrics.reporter.prom.factory.class").stringType().noDefaultValue(),
        "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    conf.set(
        ConfigOptions.key("metrics.reporter.prom.port").stringType().noDefaultValue(),
        Integer.toString(port));
  }

  /** Used by the in-process cluster only; a real cluster brings its own configuration. */
  private static Configuration configuration(OpsSettings settings) throws java.io.IOException {
    Configuration conf = new Configuration();
    conf.set(RestOptions.PORT, settings.restPort());
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(1, settings.parallelism()));
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    if (!settings.checkpointDir().isBlank()) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir());
      conf.set(
          CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
          ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
      conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
      LatestCheckpoint.under(settings.checkpointDir())
          .ifPresent(
              path -> {
                LOG.info("Restoring from checkpoint {}", path);
                conf.set(StateRecoveryOptions.SAVEPOINT_PATH, path);
              });
    }
    conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
    prometheusReporter(conf, settings.metricsPort());
    return conf;
  }
}
