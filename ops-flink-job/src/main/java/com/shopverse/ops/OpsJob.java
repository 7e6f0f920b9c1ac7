package com.shopverse.ops;

import com.shopverse.clickhouse.ClickHouseSchema;
import com.shopverse.flink.JobEnvironment;
import com.shopverse.flink.KafkaSources;
import com.shopverse.flink.KafkaTopics;
import com.shopverse.ops.sink.AnomalyMessage;
import com.shopverse.ops.sink.ClickHouseTableSink;
import java.time.Duration;
import org.apache.flink.api.common.serialization.SimpleStringSchema;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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
        settings.authTopic(),
        settings.anomaliesTopic());

    StreamExecutionEnvironment env = JobEnvironment.create(settings.environment());
    OpsPipeline.build(
        env,
        kafkaSource(settings.kafkaBootstrap(), settings.interactionsTopic(), settings.groupId()),
        kafkaSource(settings.kafkaBootstrap(), settings.ordersTopic(), settings.groupId()),
        kafkaSource(settings.kafkaBootstrap(), settings.authTopic(), settings.groupId()),
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
    return KafkaSources.<String>resuming(bootstrap, topic, groupId)
        .setValueOnlyDeserializer(new SimpleStringSchema())
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
}
