package com.shopverse.flink;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** How both jobs read a topic; each job adds the deserializer of its records. */
public final class KafkaSources {

  private KafkaSources() {}

  /**
   * A source of {@code topic} for consumer group {@code groupId} that resumes where the last
   * checkpoint committed (a new group starts from the beginning) and finds new partitions.
   */
  public static <T> KafkaSourceBuilder<T> resuming(String bootstrap, String topic, String groupId) {
    return KafkaSource.<T>builder()
        .setBootstrapServers(bootstrap)
        .setTopics(topic)
        .setGroupId(groupId)
        .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
        .setProperty("partition.discovery.interval.ms", "10000");
  }
}
