package com.shopverse.analytics;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.clickhouse.ClickHouseSchema;
import java.time.Duration;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: reads settings, makes sure the ClickHouse tables exist, wires Kafka and ClickHouse
 * into {@link InteractionsPipeline} and runs it. Started with {@code java -jar} it runs on an
 * in-process MiniCluster (the local stack); submitted to a Flink cluster it runs there.
 */
public final class AnalyticsJob {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyticsJob.class);

  private AnalyticsJob() {}

  public static void main(String[] args) throws Exception {
    JobSettings settings = JobSettings.from(args);
    ClickHouseSchema.apply(
        settings.clickhouseUrl(), settings.clickhouseDatabase(), Duration.ofSeconds(10));

    StreamExecutionEnvironment env =
        StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
    env.setParallelism(settings.parallelism());
    env.enableCheckpointing(
        settings.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);

    KafkaSource<String> source =
        KafkaSource.<String>builder()
            .setBootstrapServers(settings.kafkaBootstrap())
            .setTopics(settings.topic())
            .setGroupId(settings.groupId())
            // Resume where the last checkpoint committed; a new group starts from the beginning.
            .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
            .setValueOnlyDeserializer(new SimpleStringSchema())
            .setProperty("partition.discovery.interval.ms", "10000")
            .build();

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
        source,
        InteractionsPipeline.clickHouseSinks(sinkSettings),
        new PipelineSettings(
            settings.dedupRetention(),
            defaults.outOfOrderness(),
            defaults.allowedLateness(),
            defaults.statsFlushInterval(),
            defaults.idleness(),
            defaults.shopperRetention(),
            ModelKnobs.from(System::getenv)));
    env.execute("shopverse-analytics");
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
    return conf;
  }
}
