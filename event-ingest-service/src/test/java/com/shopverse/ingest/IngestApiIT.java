package com.shopverse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Ingest against a real in-process KRaft broker and real JWKS-validated tokens. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}")
@EmbeddedKafka(partitions = 3, topics = "user-interactions")
class IngestApiIT {

  static final TestTokens tokens = TestTokens.start();
  static Consumer<String, String> consumer;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @BeforeAll
  static void subscribe(@Autowired EmbeddedKafkaBroker broker) {
    Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "ingest-it", false);
    props.put("auto.offset.reset", "earliest");
    consumer =
        new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
            .createConsumer();
    broker.consumeFromAnEmbeddedTopic(consumer, "user-interactions");
  }

  @AfterAll
  static void stop() {
    consumer.close();
    tokens.close();
  }

  @Test
  void acceptsAnEventOnlyOnceKafkaHasItAndTakesTheShopperFromTheToken() throws Exception {
    String eventId = UUID.randomUUID().toString();
    HttpResponse<String> response =
        http()
            .post(
                "/api/events",
                "{\"eventId\":\""
                    + eventId
                    + "\",\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P00001\","
                    + "\"userId\":\"someone-else\",\"source\":\"web\"}",
                tokens.customer("user-7"));

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(response.body()).contains(eventId);
    ConsumerRecord<String, String> record = find(eventId);
    assertThat(record.key()).isEqualTo("user-7");
    assertThat(record.value())
        .contains("\"userId\":\"user-7\"", "\"receivedAt\"", "\"schemaVersion\":1")
        .doesNotContain("someone-else");
  }

  @Test
  void carriesTheRequestsTraceIntoTheKafkaRecordsTraceparentHeader() throws Exception {
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    String eventId = UUID.randomUUID().toString();
    HttpResponse<String> response =
        http()
            .send(
                "POST",
                "/api/events",
                "{\"eventId\":\""
                    + eventId
                    + "\",\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P1\",\"anonymousId\":\"anon-t\"}",
                null,
                "traceparent",
                "00-" + traceId + "-b7ad6b7169203331-01");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    Header header = find(eventId).headers().lastHeader("traceparent");
    assertThat(header).as("traceparent header on the record").isNotNull();
    String traceparent = new String(header.value(), StandardCharsets.US_ASCII);
    // Same trace, under the ingest request's own span, not the caller's.
    assertThat(traceparent)
        .matches("00-" + traceId + "-[0-9a-f]{16}-01")
        .doesNotContain("b7ad6b7169203331");
  }

  @Test
  void acceptsAnonymousShoppersByTheirAnonymousId() throws Exception {
    HttpResponse<String> response =
        http()
            .post(
                "/api/events",
                "{\"type\":\"SEARCHED\",\"query\":\"red shoes\",\"anonymousId\":\"anon-1\"}",
                null);

    assertThat(response.statusCode()).isEqualTo(202);
    String eventId = response.body().replaceAll(".*\"eventIds\":\\[\"([^\"]+)\".*", "$1");
    assertThat(find(eventId).key()).isEqualTo("anon-1");
  }

  @Test
  void rejectsAWholeBatchNamingEachBadIndexAndField() throws Exception {
    HttpResponse<String> response =
        http()
            .post(
                "/api/events/batch",
                "[{\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P1\"},{\"type\":\"ADDED_TO_CART\",\"quantity\":-1},"
                    + "{\"productId\":\"P2\"}]",
                tokens.customer("user-8"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
    assertThat(response.body())
        .contains("{\"index\":1,\"field\":\"productId\"", "{\"index\":1,\"field\":\"quantity\"")
        .contains("{\"index\":2,\"field\":\"type\"")
        .doesNotContain("\"index\":0");
  }

  @Test
  void rejectsAnOversizedBatch() throws Exception {
    String event = "{\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P1\"}";
    String batch = "[" + String.join(",", java.util.Collections.nCopies(501, event)) + "]";

    HttpResponse<String> response =
        http().post("/api/events/batch", batch, tokens.customer("user-9"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("batch-size");
  }

  @Test
  void rejectsATokenFromAnotherIssuer() throws Exception {
    String forged =
        tokens.token(
            "user-1",
            List.of("CUSTOMER"),
            "http://evil",
            TestTokens.AUDIENCE,
            Duration.ofMinutes(5));

    HttpResponse<String> response =
        http().post("/api/events", "{\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P1\"}", forged);

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void exposesTheKafkaProducersClientMetricsAfterASend() {
    String eventId = UUID.randomUUID().toString();
    assertThat(
            http()
                .post(
                    "/api/events",
                    "{\"eventId\":\""
                        + eventId
                        + "\",\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P00002\",\"source\":\"web\"}",
                    tokens.customer("user-8"))
                .statusCode())
        .isEqualTo(202);

    String page = http().get("/actuator/prometheus").body();
    double sent =
        java.util.Arrays.stream(page.split("\n"))
            .filter(line -> line.startsWith("kafka_producer_record_send_total{"))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    // 202 means Kafka acknowledged it, so the producer has counted the send.
    assertThat(sent).isGreaterThan(0);
    assertThat(page)
        .contains("kafka_producer_record_error_total{")
        .contains("kafka_producer_request_latency_avg{");
  }

  private ConsumerRecord<String, String> find(String eventId) {
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
        seen.add(record);
      }
      var match = seen.stream().filter(r -> r.value().contains(eventId)).findFirst();
      if (match.isPresent()) {
        return match.get();
      }
    }
    throw new AssertionError("event " + eventId + " never reached Kafka");
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
