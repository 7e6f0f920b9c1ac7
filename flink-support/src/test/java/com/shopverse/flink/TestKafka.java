package com.shopverse.flink;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft broker in this JVM (Kafka's own test kit), and a producer for it. */
public final class TestKafka implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final KafkaProducer<String, String> producer;

  private TestKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer());
  }

  public static TestKafka start() throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return new TestKafka(cluster);
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public void createTopic(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Sends one record, with a {@code traceparent} header unless it is null, and waits for the ack.
   */
  public void send(String topic, String key, String value, String traceparent) throws Exception {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
    if (traceparent != null) {
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
    }
    producer.send(record).get(30, TimeUnit.SECONDS);
  }

  /** Every record of {@code topic} from the beginning, as key and value, read for {@code wait}. */
  public List<Map.Entry<String, String>> readAll(String topic, java.time.Duration wait) {
    try (var consumer =
        new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(
            Map.of(
                "bootstrap.servers",
                bootstrapServers(),
                "group.id",
                "reader-" + System.nanoTime(),
                "auto.offset.reset",
                "earliest"),
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new org.apache.kafka.common.serialization.StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      List<Map.Entry<String, String>> records = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + wait.toNanos();
      while (System.nanoTime() < deadline) {
        consumer
            .poll(java.time.Duration.ofMillis(200))
            .forEach(r -> records.add(Map.entry(String.valueOf(r.key()), r.value())));
      }
      return records;
    }
  }

  @Override
  public void close() throws Exception {
    producer.close();
    cluster.close();
  }
}
