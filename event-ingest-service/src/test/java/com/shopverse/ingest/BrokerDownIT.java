package com.shopverse.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With the broker gone, ingest answers 503 with Retry-After within its bounded wait. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"shopverse.ingest.ack-timeout=2s", "shopverse.ingest.retry-after=7s"})
class BrokerDownIT {

  static final TestTokens tokens = TestTokens.start();
  static final EmbeddedKafkaKraftBroker broker = startBroker();

  @LocalServerPort int port;

  static EmbeddedKafkaKraftBroker startBroker() {
    var broker = new EmbeddedKafkaKraftBroker(1, 1, "user-interactions");
    broker.afterPropertiesSet();
    return broker;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
    registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
  }

  @AfterAll
  static void stop() {
    tokens.close();
  }

  @Test
  void answers503WithRetryAfterWhenKafkaIsGone() throws Exception {
    String token = tokens.customer("user-1");
    assertThat(
            http()
                .post("/api/events", "{\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P1\"}", token)
                .statusCode())
        .isEqualTo(202);

    broker.destroy();
    long start = System.nanoTime();
    HttpResponse<String> response =
        http().post("/api/events", "{\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P1\"}", token);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(response.body()).contains("broker-unavailable");
    assertThat(millis).isLessThan(10_000);
  }

  private TestHttp http() {
    return new TestHttp(port);
  }
}
