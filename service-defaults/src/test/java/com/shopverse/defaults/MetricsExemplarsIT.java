package com.shopverse.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code METRICS_EXEMPLARS=false} the OpenMetrics scrape carries no exemplar, so a Prometheus
 * older than 2.43 (Debian 12's) keeps the scrape instead of dropping it; the default keeps them
 * ({@link ServletLatencyBucketsIT}).
 */
@SpringBootTest(
    classes = ServletLatencyBucketsIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=classpath:shopverse-defaults.yml",
      "spring.application.name=exemplars-test",
      "shopverse.metrics.exemplars=false"
    })
class MetricsExemplarsIT {

  static final TestTokens tokens = TestTokens.start();

  @LocalServerPort int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("shopverse.security.jwk-set-uri", tokens::jwksUri);
  }

  @AfterAll
  static void stop() {
    tokens.close();
  }

  @Test
  void writesNoExemplarWhenSwitchedOff() {
    TestHttp http = new TestHttp(port);
    assertThat(http.get("/ping", tokens.customer("alice")).statusCode()).isEqualTo(200);

    List<String> lines = ServletLatencyBucketsIT.openMetricsCountLines(http, "/ping");
    assertThat(lines).isNotEmpty().noneMatch(line -> line.contains(" # {"));
  }
}
