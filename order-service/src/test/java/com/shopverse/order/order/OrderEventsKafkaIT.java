package com.shopverse.order.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.events.Topics;
import com.shopverse.order.OrderServiceTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A checkout's events reach topic order-events through the outbox relay, each exactly once. */
class OrderEventsKafkaIT extends OrderServiceTestBase {

  static final EmbeddedKafkaKraftBroker kafka = startKafka();

  static EmbeddedKafkaKraftBroker startKafka() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.ORDER_EVENTS);
    broker.afterPropertiesSet();
    return broker;
  }

  @DynamicPropertySource
  static void relay(DynamicPropertyRegistry registry) {
    registry.add("shopverse.outbox.enabled", () -> "true");
    registry.add("shopverse.outbox.poll-interval", () -> "50ms");
    registry.add("shopverse.outbox.bootstrap-servers", kafka::getBrokersAsString);
  }

  @AfterAll
  static void stopKafka() {
    kafka.destroy();
  }

  @Test
  void publishesEachEventOfAnOrderExactlyOnce() {
    String shopper = newShopper();
    addToCart(shopper, newProduct(1500, 5), 2);
    String orderId =
        json(checkout(shopper, UUID.randomUUID().toString(), "{}")).get("id").asString();
    String admin = admin();
    assertThat(http().post("/api/orders/" + orderId + "/ship", null, admin).statusCode())
        .isEqualTo(200);

    List<JsonNode> events = new ArrayList<>();
    JsonMapper json = new JsonMapper();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.ORDER_EVENTS));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, String> record :
                    consumer.poll(Duration.ofMillis(200))) {
                  if (orderId.equals(record.key())) {
                    events.add(json.readTree(record.value()));
                  }
                }
                return events.size() >= 3;
              });
      // Anything published twice would arrive now.
      long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < quietUntil) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (orderId.equals(record.key())) {
            events.add(json.readTree(record.value()));
          }
        }
      }
    }

    assertThat(events.stream().map(e -> e.get("type").asString()))
        .containsExactly("OrderPlaced", "OrderPaid", "OrderShipped");
    assertThat(events.stream().map(e -> e.get("eventId").asString()).distinct()).hasSize(3);
    JsonNode placed = events.get(0);
    assertThat(placed.get("userId").asString()).isNotBlank();
    assertThat(placed.get("totalMinor").asLong()).isEqualTo(3000);
    assertThat(placed.get("lines").get(0).get("unitPriceMinor").asLong()).isEqualTo(1500);
    assertThat(
            jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL")
                .param(orderId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void exposesTheRelayProducersKafkaClientMetricsAfterASend() {
    String shopper = newShopper();
    addToCart(shopper, newProduct(900, 5), 1);
    assertThat(checkout(shopper, UUID.randomUUID().toString(), "{}").statusCode()).isEqualTo(201);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(sample("kafka_producer_record_send_total")).isGreaterThan(0));
    String page = http().get("/actuator/prometheus").body();
    assertThat(page)
        .contains("kafka_producer_record_error_total{")
        .contains("kafka_producer_request_latency_avg{")
        .contains("client_id=\"outbox-relay\"");
  }

  /** The sum of a metric's samples on the service's own /actuator/prometheus page. */
  private double sample(String name) {
    return java.util.Arrays.stream(http().get("/actuator/prometheus").body().split("\n"))
        .filter(line -> line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  private static KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.getBrokersAsString(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "order-events-it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
