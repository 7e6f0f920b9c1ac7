package com.shopverse.analytics;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.analytics.sink.DeadLetterSerializer;
import com.shopverse.analytics.source.RawRecordDeserializer;
import com.shopverse.clickhouse.ClickHouseSchema;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
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
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: reads settings, makes sure the ClickHouse tables and the Kafka topics (the three
 * inputs and their dead-letter topics) exist, wires Kafka and ClickHouse into {@link
 * InteractionsPipeline} and runs it. Started with {@code java -jar} it runs on an in-process
 * MiniCluster (the local stack); submitted to a Flink cluster it runs there.
 */
public final class AnalyticsJob {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);

  private AnalyticsJob() {}

  public static void main(String[] args) throws Exception {
    JobSettings settings = JobSettings.from(args);
    ClickHouseSchema.apply(
        settings.clickhouseUrl(), settings.clickhouseDatabase(), Duration.ofSeconds(10));
    // Started before any producer, a source would fail on its missing topic and restart until it
    // appears: a restart and failed checkpoints on every start, which the alerts would count.
    // Same for the dead-letter topics, whose first record may come long after the start.
    for (String topic :
        List.of(
            settings.topic(),
            settings.ordersTopic(),
            settings.catalogTopic(),
            settings.anomaliesTopic())) {
      KafkaTopics.ensure(settings.kafkaBootstrap(), topic, settings.topicPartitions());
      KafkaTopics.ensure(settings.kafkaBootstrap(), topic + DeadLetter.SUFFIX, 1);
    }

    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
    env.setParallelism(settings.parallelism());
    env.enableCheckpointing(
        settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);

    PipelineSources sources =
        kafkaSources(
            settings.kafkaBootstrap(),
            settings.topic(),
            settings.ordersTopic(),
            settings.catalogTopic(),
            settings.anomaliesTopic(),
            settings.groupId());

    var sinkSettings =
        new ClickHouseSinkSettings(
            settings.clickhouseUrl(),
            settings.clickhouseDatabase(),
            settings.sinkBatchSize(),
            settings.sinkMaxDelay(),
            0, // wait out a ClickHouse outage: back-pressure, Kafka keeps the events
            Duration.ofSeconds(10));

    PipelineSettings defaults = PipelineSettings.defaults();
    InteractionsPipeline.build(
        env,
        sources,
        InteractionsPipeline.clickHouseSinks(sinkSettings)
            .withDeadLetters(deadLetterSink(settings.kafkaBootstrap())),
        new PipelineSettings(
            settings.dedupRetention(),
            defaults.outOfOrderness(),
            defaults.allowedLateness(),
            defaults.statsFlushInterval(),
            defaults.idleness(),
            defaults.shopperRetention(),
            ModelKnobs.from(System::getenv),
            defaults.orderRetention(),
            settings.botFlagTtl()));
    env.execute("shopverse-analytics");
  }

  /** The job's three Kafka sources, one per topic, sharing the consumer group's offsets. */
  static PipelineSources kafkaSources(
      String bootstrap, String interactions, String orders, String catalog, String groupId) {
    return new PipelineSources(
        kafkaSource(bootstrap, interactions, groupId),
        kafkaSource(bootstrap, orders, groupId),
        kafkaSource(bootstrap, catalog, groupId));
  }

  /** The three sources and the ops job's {@code anomalies} (bot flags), one group's offsets. */
  static PipelineSources kafkaSources(
      String bootstrap,
      String interactions,
      String orders,
      String catalog,
      String anomalies,
      String groupId) {
    return new PipelineSources(
        kafkaSource(bootstrap, interactions, groupId),
        kafkaSource(bootstrap, orders, groupId),
        kafkaSource(bootstrap, catalog, groupId),
        kafkaSource(bootstrap, anomalies, groupId));
  }

  /**
   * Where refused records go: {@code <topic>.dlt}, at least once (flushed at each checkpoint; a
   * replay after a crash may write a dead letter twice, with the same source offset in its
   * headers).
   */
  static KafkaSink<DeadLetter> deadLetterSink(String bootstrap) {
    return KafkaSink.<DeadLetter>builder()
        .setBootstrapServers(bootstrap)
        .setRecordSerializer(new DeadLetterSerializer())
        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
        .setKafkaProducerConfig(producerConfig())
        .build();
  }

  private static Properties producerConfig() {
    Properties p = new Properties();
    p.setProperty("acks", "all");
    p.setProperty("enable.idempotence", "true");
    return p;
  }

  /** A Kafka source: the value, position and trace id of each record of {@code topic}. */
  static KafkaSource<RawRecord> kafkaSource(String bootstrap, String topic, String groupId) {
    return KafkaSource.<RawRecord>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(groupId)
        // Resume where the last checkpoint committed; a new group starts from the beginning.
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        // The value and the traceparent header, so rows can be traced back to the request.
        .setDeserializer(new RawRecordDeserializer())
        .setProperty("partition.discovery.interval.ms", "10000")
        .build();
  }

  /**
   * Flink's Prometheus reporter on {@code port} (all interfaces; path does not matter): the job
   * manager's and the task manager's metrics, both in this process. A cluster configures its own
   * reporters (see deploy/docker/flink-job.Dockerfile).
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
  private static Configuration configuration(JobSettings settings) throws java.io.IOException {
    Configuration conf = new Configuration();
    conf.set(RestOptions.PORT, settings.restPort());
    conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
    conf.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(1, settings.parallelism()));
    conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
    if (!settings.checkpointDir().isBlank()) {
      conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
      conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, settings.checkpointDir());
      // Keep the last checkpoints when the process dies, and start from the newest one.
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
