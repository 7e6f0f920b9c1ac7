package com.shopverse.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.shopverse.testsupport.TestHttp;
import com.shopverse.testsupport.TestTokens;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shared defaults give every servlet service's request timer the SLO buckets that latency
 * alerts read (docs/observability.md), and only those: no 70-bucket percentiles histogram.
 */
@SpringBootTest(
    classes = ServletLatencyBucketsIT.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.import=classpath:shopverse-defaults.yml",
      "spring.application.name=buckets-test"
    })
class ServletLatencyBucketsIT {

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
  void exposesExactlyTheSloBucketsOnTheRequestTimer() {
    TestHttp http = new TestHttp(port);
    assertThat(http.get("/ping", tokens.customer("alice")).statusCode()).isEqualTo(200);

    String page = http.get("/actuator/prometheus").body();
    List<String> buckets =
        Arrays.stream(page.split("\n"))
            .filter(line -> line.startsWith("http_server_requests_seconds_bucket{"))
            .filter(line -> line.contains("uri=\"/ping\""))
            .map(line -> line.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
            .toList();

    assertThat(buckets)
        .containsExactly("0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf");
    assertThat(page)
        .contains("http_server_requests_seconds_count{")
        .contains("application=\"buckets-test\"");
  }

  @Test
  void attachesTraceExemplarsToTheOpenMetricsScrapeByDefault() {
    TestHttp http = new TestHttp(port);
    assertThat(http.get("/ping", tokens.customer("alice")).statusCode()).isEqualTo(200);

    assertThat(openMetricsCountLines(http, "/ping")).anyMatch(line -> line.contains(" # {"));
  }

  /**
   * The {@code http_server_requests_seconds_count} lines of {@code uri} as Prometheus asks for
   * them.
   */
  static List<String> openMetricsCountLines(TestHttp http, String uri) {
    String page =
        http.send(
                "GET",
                "/actuator/prometheus",
                null,
                null,
                "Accept",
                "application/openmetrics-text; version=1.0.0; charset=utf-8")
            .body();
    return Arrays.stream(page.split("\n"))
        .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
        .filter(line -> line.contains("uri=\"" + uri + "\""))
        .toList();
  }

  @SpringBootApplication
  static class App {

    @RestController
    static class Ping {

      @GetMapping("/ping")
      String ping() {
        return "pong";
      }
    }
  }
}
