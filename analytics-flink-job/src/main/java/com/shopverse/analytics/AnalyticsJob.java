package com.shopverse.analytics;

import com.shopverse.analytics.sink.ClickHouseSink.ClickHouseSinkSettings;
import com.shopverse.analytics.sink.DeadLetterSerializer;
import com.shopverse.analytics.source.RawRecordDeserializer;
import com.shopverse.clickhouse.ClickHouseSchema;
import com.shopverse.flink.JobEnvironment;
import com.shopverse.flink.KafkaSources;
import com.shopverse.flink.KafkaTopics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point: reads settings, makes sure the ClickHouse tables and the Kafka topics (the three
 * inputs and their dead-letter topics) exist, wires Kafka and ClickHouse into {@link
 * InteractionsPipeline} and runs it. Started with {@code java -jar} it runs on an in-process
 * MiniCluster (the local stack); submitted to a Flink cluster it runs there.
 */
public final class AnalyticsJob {

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
      KafkaTopics.ensure(settings.kafkaBootstrap(), settings.topicPartitions(), topic);
      KafkaTopics.ensure(settings.kafkaBootstrap(), 1, topic + DeadLetter.SUFFIX);
    }

    StreamExecutionEnvironment env = JobEnvironment.create(settings.environment());

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
    return KafkaSources.<RawRecord>resuming(bootstrap, topic, groupId)
        // The value and the traceparent header, so rows can be traced back to the request.
        .setDeserializer(new RawRecordDeserializer())
        .build();
  }
}
