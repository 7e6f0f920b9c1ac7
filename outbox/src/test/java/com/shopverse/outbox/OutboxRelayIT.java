package com.shopverse.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.shopverse.testsupport.LocalPostgres;
import com.shopverse.testsupport.LocalProcess;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox and its relay against a real PostgreSQL and a real KRaft broker (own JVM). */
@SpringBootTest(
    classes = OutboxRelayIT.App.class,
    properties = {
      "shopverse.outbox.poll-interval=50ms",
      "shopverse.outbox.send-timeout=2s",
      "shopverse.outbox.max-backoff=1s",
      "shopverse.outbox.batch-size=50",
      "shopverse.outbox.warm-up-topics=" + OutboxRelayIT.WARM_UP_TOPIC
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboxRelayIT {

  static final String WARM_UP_TOPIC = "warmed-up";

  record Sample(String eventId, String key, int seq) {}

  @SpringBootApplication
  static class App {
    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  static final LocalPostgres postgres = createSchema(LocalPostgres.start());
  static final int kafkaPort = LocalProcess.freePort();
  static final int controllerPort = LocalProcess.freePort();
  static final Path kafkaDir = LocalProcess.workDir("kafka-");
  static KafkaProcess kafka = KafkaProcess.start(kafkaDir, kafkaPort, controllerPort);

  @Autowired Outbox outbox;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  static LocalPostgres createSchema(LocalPostgres postgres) {
    // The DDL documented in outbox/README.md, as each service's Flyway migration creates it.
    try (var con = DriverManager.getConnection(postgres.jdbcUrl());
        var st = con.createStatement()) {
      st.execute(
          """
          CREATE TABLE outbox (
              id           BIGSERIAL   PRIMARY KEY,
              event_id     UUID        NOT NULL UNIQUE,
              topic        TEXT        NOT NULL,
              message_key  TEXT        NOT NULL,
              payload      TEXT        NOT NULL,
              created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
              published_at TIMESTAMPTZ
          );
          CREATE INDEX outbox_unpublished_idx ON outbox (id) WHERE published_at IS NULL;
          """);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return postgres;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", postgres::jdbcUrl);
    registry.add("shopverse.outbox.bootstrap-servers", () -> "127.0.0.1:" + kafkaPort);
  }

  @AfterAll
  static void stop() {
    kafka.close();
    postgres.close();
  }

  @Test
  @Order(0)
  void connectsAndLearnsItsTopicsBeforeTheFirstRow() throws Exception {
    // Nothing was appended yet: only the relay's start-up metadata request can have created the
    // topic (the broker auto-creates it), and only a built producer reports connections.
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> admin.listTopics().names().get().contains(WARM_UP_TOPIC));
    }
    assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox", Long.class)).isZero();
    assertThat(meters.find("kafka.producer.connection.count").gauges())
        .anySatisfy(g -> assertThat(g.value()).isPositive());
  }

  @Test
  @Order(1)
  void publishesEveryCommittedRowOnceAndInOrderPerKey() {
    List<Sample> appended = new ArrayList<>();
    for (int t = 0; t < 20; t++) {
      tx.executeWithoutResult(
          status -> {
            for (int i = 0; i < 10; i++) {
              appended.add(append("committed", "key-" + (appended.size() % 5), appended.size()));
            }
          });
    }

    awaitAllPublished();
    List<ConsumerRecord<String, String>> records = consume("committed", appended.size());

    assertThat(records).extracting(ConsumerRecord::value).doesNotHaveDuplicates();
    assertThat(records.stream().map(r -> eventIdOf(r.value())))
        .containsExactlyInAnyOrderElementsOf(appended.stream().map(Sample::eventId).toList());
    for (String key : List.of("key-0", "key-1", "key-2", "key-3", "key-4")) {
      List<String> sent =
          appended.stream().filter(s -> s.key().equals(key)).map(Sample::eventId).toList();
      List<String> received =
          records.stream().filter(r -> r.key().equals(key)).map(r -> eventIdOf(r.value())).toList();
      assertThat(received).as("order of %s", key).containsExactlyElementsOf(sent);
    }
    assertThat(records.get(0).headers().lastHeader("eventId")).isNotNull();
    assertThat(meters.get("shopverse.outbox.published").tag("topic", "committed").counter().count())
        .isEqualTo(appended.size());
    assertThat(meters.get("shopverse.outbox.lag").timer().count()).isEqualTo(appended.size());
  }

  @Test
  @Order(2)
  void publishesNothingForARolledBackTransaction() {
    Sample[] rolledBack = new Sample[1];
    tx.executeWithoutResult(
        status -> {
          rolledBack[0] = append("rolled-back", "k", 1);
          status.setRollbackOnly();
        });
    Sample marker = tx.execute(status -> append("rolled-back", "k", 2));

    awaitAllPublished();
    List<ConsumerRecord<String, String>> records = consume("rolled-back", 1);

    assertThat(records).extracting(r -> eventIdOf(r.value())).containsExactly(marker.eventId());
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM outbox WHERE event_id = ?::uuid",
                Integer.class,
                rolledBack[0].eventId()))
        .isZero();
  }

  @Test
  @Order(3)
  void refusesToAppendOutsideATransaction() {
    assertThatThrownBy(() -> append("committed", "k", 0))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  @Order(4)
  void keepsRowsWhileKafkaIsDownAndPublishesThemWhenItReturns() throws Exception {
    kafka.close();
    double failuresBefore = meters.get("shopverse.outbox.failures").counter().count();
    List<Sample> appended = new ArrayList<>();
    for (int t = 0; t < 10; t++) {
      tx.executeWithoutResult(
          status -> {
            for (int i = 0; i < 12; i++) {
              appended.add(append("broker-down", "key-" + (appended.size() % 3), appended.size()));
            }
          });
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> meters.get("shopverse.outbox.failures").counter().count() > failuresBefore);
    Thread.sleep(2_000);
    assertThat(unpublished()).isEqualTo(appended.size());

    kafka = KafkaProcess.start(kafkaDir, kafkaPort, controllerPort);
    awaitAllPublished();
    List<ConsumerRecord<String, String>> records = consume("broker-down", appended.size());

    // At least once: none lost. A record whose acknowledgement timed out while the broker came
    // back may be on the topic twice; consumers deduplicate by eventId.
    assertThat(records.stream().map(r -> eventIdOf(r.value())).distinct())
        .containsExactlyInAnyOrderElementsOf(appended.stream().map(Sample::eventId).toList());
    assertThat(meters.get("shopverse.outbox.pending").gauge().value()).isGreaterThanOrEqualTo(0);
  }

  private Sample append(String topic, String key, int seq) {
    Sample sample = new Sample(UUID.randomUUID().toString(), key, seq);
    outbox.append(topic, key, sample.eventId(), sample);
    return sample;
  }

  private int unpublished() {
    return jdbc.queryForObject(
        "SELECT count(*) FROM outbox WHERE published_at IS NULL", Integer.class);
  }

  private void awaitAllPublished() {
    await().atMost(Duration.ofSeconds(60)).until(() -> unpublished() == 0);
  }

  private static String eventIdOf(String json) {
    return json.replaceAll(".*\"eventId\":\"([^\"]+)\".*", "$1");
  }

  /** Reads the topic from the start until {@code expected} records came, then one more second. */
  private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "outbox-it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        if (records.size() >= expected && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        }
      }
    }
    return records;
  }
}
