package com.shopverse.analytics;

import static com.shopverse.flink.JobArgs.get;

import com.shopverse.flink.EnvironmentSettings;
import java.time.Duration;
import org.apache.flink.util.ParameterTool;

/**
 * The job's settings, from {@code --name value} arguments or else environment variables (so the
 * same jar runs in the local stack, in compose and on a Flink cluster).
 */
record JobSettings(
    String kafkaBootstrap,
    String topic,
    String ordersTopic,
    String catalogTopic,
    String anomaliesTopic,
    int topicPartitions,
    String groupId,
    String clickhouseUrl,
    String clickhouseDatabase,
    Duration checkpointInterval,
    String checkpointDir,
    int parallelism,
    int restPort,
    int metricsPort,
    Duration dedupRetention,
    int sinkBatchSize,
    Duration sinkMaxDelay,
    Duration botFlagTtl) {

  static JobSettings from(String[] args) {
    ParameterTool p = ParameterTool.fromArgs(args);
    return new JobSettings(
        get(p, "kafka.bootstrap", "KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        get(p, "topic", "INTERACTIONS_TOPIC", "user-interactions"),
        get(p, "orders.topic", "ORDER_EVENTS_TOPIC", "order-events"),
        get(p, "catalog.topic", "CATALOG_EVENTS_TOPIC", "catalog-events"),
        // The ops job's anomalies: shoppers it flags as bots train nothing
        // (docs/ops-intelligence.md).
        get(p, "anomalies.topic", "ANOMALIES_TOPIC", "anomalies"),
        Integer.parseInt(get(p, "topic.partitions", "INTERACTIONS_TOPIC_PARTITIONS", "3")),
        get(p, "group.id", "ANALYTICS_GROUP_ID", "analytics-flink-job"),
        get(p, "clickhouse.url", "CLICKHOUSE_URL", "http://127.0.0.1:8123"),
        get(p, "clickhouse.database", "CLICKHOUSE_DATABASE", "shopverse"),
        Duration.parse(get(p, "checkpoint.interval", "CHECKPOINT_INTERVAL", "PT10S")),
        get(p, "checkpoint.dir", "CHECKPOINT_DIR", ""),
        Integer.parseInt(get(p, "parallelism", "FLINK_PARALLELISM", "1")),
        Integer.parseInt(get(p, "rest.port", "FLINK_REST_PORT", "8086")),
        // The in-process cluster's Prometheus reporter; 0 switches it off.
        Integer.parseInt(get(p, "metrics.port", "FLINK_METRICS_PORT", "9249")),
        Duration.parse(get(p, "dedup.retention", "DEDUP_RETENTION", "PT24H")),
        Integer.parseInt(get(p, "sink.batch-size", "SINK_BATCH_SIZE", "5000")),
        Duration.parse(get(p, "sink.max-delay", "SINK_MAX_DELAY", "PT0.2S")),
        Duration.parse(get(p, "bot-flag.ttl", "BOT_FLAG_TTL", "PT1H")));
  }

  EnvironmentSettings environment() {
    return new EnvironmentSettings(
        parallelism, checkpointInterval, checkpointDir, restPort, metricsPort);
  }
}
