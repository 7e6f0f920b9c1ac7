package com.shopverse.ops;

import static com.shopverse.flink.JobArgs.get;
import static com.shopverse.flink.JobArgs.number;

import com.shopverse.flink.Durations;
import com.shopverse.flink.EnvironmentSettings;
import com.shopverse.ops.model.ModelSettings;
import java.time.Duration;
import java.util.Arrays;
import org.apache.flink.util.ParameterTool;

/**
 * The job's settings, from {@code --name value} arguments or else environment variables (the same
 * jar runs in the local stack, in compose and on a Flink cluster). Durations are ISO-8601 ({@code
 * PT5S}) or short ({@code 5s}, {@code 1m}, {@code 24h}).
 */
record OpsSettings(
    String kafkaBootstrap,
    String interactionsTopic,
    String ordersTopic,
    String authTopic,
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
    PipelineSettings pipeline) {

  static OpsSettings from(String[] args) {
    ParameterTool p = ParameterTool.fromArgs(args);
    Duration bucket = duration(get(p, "ops.bucket", "OPS_BUCKET", "1m"));
    Duration day = duration(get(p, "ops.day", "OPS_DAY", "24h"));
    if (day.toMillis() % bucket.toMillis() != 0) {
      throw new IllegalArgumentException("OPS_DAY must be a whole number of OPS_BUCKET");
    }
    int season = (int) (day.toMillis() / bucket.toMillis());
    ModelSettings d = ModelSettings.defaults(season);
    ModelSettings model =
        new ModelSettings(
            season,
            number(p, "ops.alpha", "OPS_ALPHA", d.alpha()),
            number(p, "ops.beta", "OPS_BETA", d.beta()),
            number(p, "ops.gamma", "OPS_GAMMA", d.gamma()),
            (int) Math.round(season * number(p, "ops.warmup-days", "OPS_WARMUP_DAYS", 2.0)),
            (int) number(p, "ops.residual-window", "OPS_RESIDUAL_WINDOW", d.residualWindow()),
            number(p, "ops.threshold", "OPS_THRESHOLD", d.threshold()),
            number(p, "ops.min-scale", "OPS_MIN_SCALE", d.minScale()),
            Arrays.stream(get(p, "ops.horizons", "OPS_HORIZONS", "5").split(","))
                .map(String::strip)
                .mapToInt(Integer::parseInt)
                .toArray(),
            number(p, "ops.peer-threshold", "OPS_PEER_THRESHOLD", d.peerThreshold()),
            (int) number(p, "ops.peer-min-count", "OPS_PEER_MIN_COUNT", d.peerMinCount()),
            number(p, "ops.peer-self-factor", "OPS_PEER_SELF_FACTOR", d.peerSelfFactor()),
            d.peerBaselineAlpha());
    return new OpsSettings(
        get(p, "kafka.bootstrap", "KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        get(p, "topic.interactions", "INTERACTIONS_TOPIC", "user-interactions"),
        get(p, "topic.orders", "ORDER_EVENTS_TOPIC", "order-events"),
        get(p, "topic.auth", "AUTH_EVENTS_TOPIC", "auth-events"),
        get(p, "topic.anomalies", "ANOMALIES_TOPIC", "anomalies"),
        Integer.parseInt(get(p, "topic.partitions", "INTERACTIONS_TOPIC_PARTITIONS", "3")),
        get(p, "group.id", "OPS_GROUP_ID", "ops-flink-job"),
        get(p, "clickhouse.url", "CLICKHOUSE_URL", "http://127.0.0.1:8123"),
        get(p, "clickhouse.database", "CLICKHOUSE_DATABASE", "shopverse"),
        duration(get(p, "checkpoint.interval", "CHECKPOINT_INTERVAL", "10s")),
        get(p, "checkpoint.dir", "OPS_CHECKPOINT_DIR", ""),
        Integer.parseInt(get(p, "parallelism", "FLINK_PARALLELISM", "1")),
        Integer.parseInt(get(p, "rest.port", "OPS_REST_PORT", "8087")),
        Integer.parseInt(get(p, "metrics.port", "OPS_METRICS_PORT", "9250")),
        new PipelineSettings(
            bucket,
            duration(get(p, "ops.out-of-orderness", "OPS_OUT_OF_ORDERNESS", "2s")),
            duration(get(p, "ops.idleness", "OPS_IDLENESS", "10s")),
            duration(get(p, "ops.key-retention", "OPS_KEY_RETENTION", "1h")),
            model));
  }

  EnvironmentSettings environment() {
    return new EnvironmentSettings(
        parallelism, checkpointInterval, checkpointDir, restPort, metricsPort);
  }

  static Duration duration(String text) {
    return Durations.parse(text);
  }
}
