package com.shopverse.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

@Configuration(proxyBeanMethods = false)
class KafkaTopics {

  private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);

  @Bean
  NewTopic userInteractions(IngestProperties properties) {
    return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build();
  }

  /**
   * Creates the producer and fetches the topic's metadata at start-up, so the first shopper's event
   * does not pay for it. Kafka being down here is not fatal: requests then get 503s.
   */
  @Bean
  ApplicationListener<ApplicationReadyEvent> producerWarmUp(
      KafkaTemplate<String, byte[]> kafka, IngestProperties properties) {
    return event -> warmUp(kafka, properties);
  }

  private static void warmUp(KafkaTemplate<String, byte[]> kafka, IngestProperties properties) {
    try {
      log.info(
          "Producer ready: {} has {} partitions",
          properties.topic(),
          kafka.partitionsFor(properties.topic()).size());
    } catch (RuntimeException e) {
      log.warn("Kafka not reachable at start-up; events get 503 until it is: {}", e.getMessage());
    }
  }
}
