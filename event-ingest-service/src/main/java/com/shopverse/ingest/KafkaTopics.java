package com.shopverse.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class KafkaTopics {

  @Bean
  NewTopic userInteractions(IngestProperties properties) {
    return TopicBuilder.name(properties.topic()).partitions(properties.partitions()).build();
  }
}
