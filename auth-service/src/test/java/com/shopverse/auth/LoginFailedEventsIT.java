package com.shopverse.auth;

import static com.shopverse.auth.AuthClient.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.shopverse.events.Topics;
import com.shopverse.testsupport.LocalPostgres;
import java.net.http.HttpResponse;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refused login reaches topic auth-events as a LoginFailed keyed by the client, through the
 * outbox relay, against a real PostgreSQL and a real in-process Kafka broker.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"shopverse.auth.lockout.max-failures=2", "shopverse.auth.lockout.base=30s"})
class LoginFailedEventsIT {

  static final LocalPostgres postgres = LocalPostgres.start();
  static final EmbeddedKafkaKraftBroker kafka = startKafka();
  static final String WRONG = "not-the-password-1";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  static EmbeddedKafkaKraftBroker startKafka() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.AUTH_EVENTS);
    broker.afterPropertiesSet();
    return broker;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> postgres.jdbcUrl() + "&currentSchema=auth");
    registry.add("shopverse.outbox.enabled", () -> "true");
    registry.add("shopverse.outbox.poll-interval", () -> "50ms");
    registry.add("shopverse.outbox.bootstrap-servers", kafka::getBrokersAsString);
  }

  @AfterAll
  static void stop() {
    kafka.destroy();
    postgres.close();
  }

  @Test
  void publishesEachRefusedLoginOnceUnderTheClientTheGatewayNamed() {
    AuthClient auth = new AuthClient(port);
    String email = AuthClient.newEmail();
    assertThat(auth.register(email, PASSWORD).statusCode()).isEqualTo(201);
    String client = "203.0.113." + (1 + (int) (Math.random() * 250));

    assertThat(login(auth, email, WRONG, client).statusCode()).isEqualTo(401);
    assertThat(login(auth, email, WRONG, client).statusCode()).isEqualTo(429); // locks the email
    assertThat(login(auth, email, PASSWORD, client).statusCode()).isEqualTo(429); // locked
    // A right password is no failure: nothing is published for this one.
    String other = AuthClient.newEmail();
    auth.register(other, PASSWORD);
    assertThat(login(auth, other, PASSWORD, client).statusCode()).isEqualTo(200);

    List<JsonNode> events = eventsKeyed(client, 3);

    assertThat(events.stream().map(e -> e.get("outcome").asString()))
        .containsExactly("invalid-credentials", "invalid-credentials", "locked");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.get("type").asString()).isEqualTo("LoginFailed");
              assertThat(e.get("clientIp").asString()).isEqualTo(client);
              assertThat(e.get("schemaVersion").asInt()).isEqualTo(1);
              assertThat(e.toString()).doesNotContain(email); // names no account
            });
    assertThat(events.stream().map(e -> e.get("eventId").asString()).distinct()).hasSize(3);
    assertThat(
            jdbc.sql("SELECT count(*) FROM outbox WHERE message_key = ? AND published_at IS NULL")
                .param(client)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void countsACallWithoutAnAddressInTheHeaderUnderItsTcpPeer() {
    AuthClient auth = new AuthClient(port);
    String marker = AuthClient.newEmail();
    long before = unpublishedOrPublished("127.0.0.1");

    assertThat(login(auth, marker, WRONG, "evil.example.com; DROP TABLE").statusCode())
        .isEqualTo(401);
    assertThat(auth.login(AuthClient.newEmail(), WRONG).statusCode()).isEqualTo(401);

    assertThat(unpublishedOrPublished("127.0.0.1") - before).isEqualTo(2);
    assertThat(unpublishedOrPublished("evil.example.com; DROP TABLE")).isZero();
  }

  private long unpublishedOrPublished(String key) {
    return jdbc.sql("SELECT count(*) FROM outbox WHERE topic = 'auth-events' AND message_key = ?")
        .param(key)
        .query(Long.class)
        .single();
  }

  private static HttpResponse<String> login(
      AuthClient auth, String email, String password, String clientIp) {
    return auth.http()
        .send(
            "POST",
            "/api/auth/login",
            AuthClient.credentials(email, password),
            null,
            "X-Client-Ip",
            clientIp);
  }

  /** The events under {@code key}: waits for {@code expected}, then 2 s more for any duplicate. */
  private static List<JsonNode> eventsKeyed(String key, int expected) {
    List<JsonNode> events = new ArrayList<>();
    JsonMapper json = new JsonMapper();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(Topics.AUTH_EVENTS));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                collect(consumer, key, json, events);
                return events.size() >= expected;
              });
      long quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
      while (System.nanoTime() < quietUntil) {
        collect(consumer, key, json, events);
      }
    }
    return events;
  }

  private static void collect(
      KafkaConsumer<String, String> consumer, String key, JsonMapper json, List<JsonNode> out) {
    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
      if (key.equals(record.key())) {
        out.add(json.readTree(record.value()));
      }
    }
  }

  private static KafkaConsumer<String, String> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.getBrokersAsString(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "login-failed-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
