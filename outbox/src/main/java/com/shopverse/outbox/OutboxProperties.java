package com.shopverse.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this instance runs the relay (the {@link Outbox} itself always works)
 * @param bootstrapServers Kafka; when unset, {@code KAFKA_BOOTSTRAP}, else {@code 127.0.0.1:9092}
 * @param pollInterval how often the relay looks for rows when nothing woke it
 * @param batchSize the most rows one relay round reads, sends and marks (bounds its memory)
 * @param sendTimeout how long one round waits for the broker's acknowledgements
 * @param maxBackoff the longest pause between rounds while Kafka or the database fails
 * @param retention how long published rows are kept before they are deleted
 * @param producer extra Kafka producer settings (cannot turn off {@code acks=all} or idempotence)
 * @param warmUpTopics topics whose metadata the relay fetches when it starts, so the first event
 *     does not wait for the producer to be built, to connect and to learn its partitions
 */
@ConfigurationProperties("shopverse.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean enabled,
    String bootstrapServers,
    @DefaultValue("100ms") Duration pollInterval,
    @DefaultValue("500") int batchSize,
    @DefaultValue("10s") Duration sendTimeout,
    @DefaultValue("10s") Duration maxBackoff,
    @DefaultValue("1h") Duration retention,
    Map<String, String> producer,
    List<String> warmUpTopics) {

  public OutboxProperties {
    if (batchSize < 1) {
      throw new IllegalArgumentException("shopverse.outbox.batch-size must be at least 1");
    }
    if (sendTimeout.toMillis() < 1000) {
      throw new IllegalArgumentException("shopverse.outbox.send-timeout must be at least 1s");
    }
    producer = producer == null ? Map.of() : Map.copyOf(producer);
    warmUpTopics = warmUpTopics == null ? List.of() : List.copyOf(warmUpTopics);
  }
}
