package com.shopverse.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An {@link Outbox} on the application's DataSource and, unless {@code shopverse.outbox.enabled} is
 * false, an {@link OutboxRelay} that publishes its rows to Kafka.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(
      prefix = "shopverse.outbox",
      name = "enabled",
      havingValue = "true",
      matchIfMissing = true)
  OutboxRelay outboxRelay(
      DataSource dataSource,
      ObjectProvider<PlatformTransactionManager> transactions,
      ObjectProvider<MeterRegistry> meters,
      OutboxProperties properties,
      Environment environment) {
    Map<String, Object> config = producerConfig(properties, environment);
    MeterRegistry registry = meters.getIfAvailable(() -> Metrics.globalRegistry);
    return new OutboxRelay(
        new JdbcTemplate(dataSource),
        new TransactionTemplate(
            transactions.getIfAvailable(() -> new JdbcTransactionManager(dataSource))),
        properties,
        new MeteredProducers(
            () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
            registry),
        registry);
  }

  @Bean
  @ConditionalOnMissingBean
  Outbox outbox(
      DataSource dataSource, ObjectProvider<JsonMapper> json, ObjectProvider<OutboxRelay> relay) {
    OutboxRelay theRelay = relay.getIfAvailable();
    return new JdbcOutbox(
        new JdbcTemplate(dataSource),
        json.getIfAvailable(JsonMapper::new),
        theRelay == null ? () -> {} : theRelay::wakeUp);
  }

  static Map<String, Object> producerConfig(OutboxProperties properties, Environment environment) {
    String bootstrap =
        properties.bootstrapServers() != null
            ? properties.bootstrapServers()
            : environment.getProperty("KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    long timeout = properties.sendTimeout().toMillis();
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    config.putAll(properties.producer());
    // What the guarantees rest on; not overridable.
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    // Bounded waits: a round with Kafka gone fails within send-timeout instead of hanging.
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout / 2);
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) (timeout / 2));
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
    return config;
  }
}
