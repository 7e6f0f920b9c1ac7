package com.shopverse.flink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates topics that do not exist yet, so a job can start before the first producer (a Kafka
 * source fails on a missing topic and restarts until it appears).
 */
public final class KafkaTopics {

  private KafkaTopics() {}

  /** Creates each of {@code topics} that is missing, with {@code partitions} partitions. */
  public static void ensure(String bootstrap, int partitions, String... topics) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      for (String topic : topics) {
        try {
          admin
              .createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
              .all()
              .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
        }
      }
    }
  }
}
