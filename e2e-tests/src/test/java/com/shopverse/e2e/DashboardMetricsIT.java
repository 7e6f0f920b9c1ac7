package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Dashboards and alert rules cannot rot: on the running platform, every metric named in a dashboard
 * or a rule is exposed by some service's /actuator/prometheus or by the Flink job's Prometheus
 * reporter, and every ClickHouse query of the business dashboard runs on the stack's real
 * ClickHouse. Traffic is driven through the gateway first so lazily created meters exist. Runs
 * after the other end-to-end classes (before StackShutdownIT): they count the stack's orders and
 * events, and this class adds its own.
 */
@Order(4)
class DashboardMetricsIT {

  static final List<Integer> SERVICE_PORTS = List.of(8080, 8081, 8082, 8083, 8084, 8085);
  static final int FLINK_REPORTER_PORT = 9249;
  // The reporter of the ops job (issue 8: anomalies and forecasts).
  static final int OPS_REPORTER_PORT = 9250;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  static Stack stack;
  static Gateway gateway;

  @BeforeAll
  static void platformWithTraffic() throws Exception {
    stack = SharedStack.get();
    gateway = new Gateway(stack);
    driveShopperTraffic();
  }

  @Test
  void everyMetricNamedInADashboardOrAnAlertRuleIsExposedByTheRunningPlatform() throws Exception {
    List<ObservabilityAsCode.Query> queries = ObservabilityAsCode.promQl();
    Set<String> recorded =
        ObservabilityAsCode.rules().stream()
            .map(ObservabilityAsCode.Rule::record)
            .filter(r -> r != null)
            .collect(Collectors.toSet());
    assertThat(queries).hasSizeGreaterThan(50);

    // Gauges and the Flink job's operator metrics can appear a little after the traffic: look
    // again for up to a minute before failing.
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    Scrape scrape;
    Map<String, List<String>> missing;
    do {
      scrape = scrapeEveryTarget();
      missing = MetricCoverage.missing(queries, scrape.names(), recorded);
      if (missing.isEmpty()) {
        break;
      }
      Thread.sleep(5000);
    } while (Instant.now().isBefore(deadline));

    assertThat(scrape.unreachable())
        .as("every service's /actuator/prometheus answers (unreachable: %s)", scrape.unreachable())
        .allMatch(
            t ->
                t.contains(":" + stack.port(FLINK_REPORTER_PORT) + "/")
                    || t.contains(":" + stack.port(OPS_REPORTER_PORT) + "/"));
    if (!missing.isEmpty()) {
      fail(
          "%d metrics used by dashboards or alert rules are exposed by no target%s:%s",
          missing.size(),
          scrape.unreachable().isEmpty() ? "" : " (not reachable: " + scrape.unreachable() + ")",
          MetricCoverage.describe(missing));
    }
  }

  @Test
  void everyBusinessDashboardQueryRunsOnTheStacksClickHouse() throws Exception {
    long now = Instant.now().getEpochSecond();
    List<ObservabilityAsCode.Query> queries = ObservabilityAsCode.clickHouseSql();
    assertThat(queries).isNotEmpty();
    Map<String, String> failures = new LinkedHashMap<>();
    for (ObservabilityAsCode.Query query : queries) {
      String sql = GrafanaMacros.expand(query.text(), now - 86_400, now);
      HttpResponse<String> answer = stack.clickHouse(sql);
      if (answer.statusCode() != 200) {
        failures.put(query.where(), answer.statusCode() + " " + answer.body().strip());
      }
    }
    if (!failures.isEmpty()) {
      fail("ClickHouse refused dashboard SQL:%n%s", failures);
    }
  }

  /** Sample names of every target, and the targets that did not answer. */
  record Scrape(Set<String> names, List<String> unreachable) {}

  static Scrape scrapeEveryTarget() {
    Set<String> names = new HashSet<>();
    List<String> unreachable = new ArrayList<>();
    List<String> targets = new ArrayList<>();
    for (int port : SERVICE_PORTS) {
      targets.add("http://127.0.0.1:" + stack.port(port) + "/actuator/prometheus");
    }
    targets.add("http://127.0.0.1:" + stack.port(FLINK_REPORTER_PORT) + "/metrics");
    targets.add("http://127.0.0.1:" + stack.port(OPS_REPORTER_PORT) + "/metrics");
    for (String target : targets) {
      try {
        HttpResponse<String> answer =
            http.send(
                HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          names.addAll(MetricCoverage.exposedNames(answer.body()));
        } else {
          unreachable.add(target + " (" + answer.statusCode() + ")");
        }
      } catch (IOException e) {
        unreachable.add(target + " (" + e.getClass().getSimpleName() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return new Scrape(names, unreachable);
  }

  /**
   * A shopper's journey through the gateway, plus the unhappy paths whose counters Micrometer only
   * creates on first use: a rejected event, a checkout of an empty cart, and a recommendation
   * fallback (ClickHouse paused for a moment, so trending falls back).
   */
  static void driveShopperTraffic() throws Exception {
    assertThat(gateway.get("/api/catalog/products?limit=3", null).statusCode()).isEqualTo(200);
    assertThat(gateway.get("/api/catalog/products/P00042", null).statusCode()).isEqualTo(200);
    Gateway.Shopper shopper = gateway.registeredShopper("metrics");
    String token = shopper.accessToken();
    for (String type : List.of("PRODUCT_VIEWED", "ADDED_TO_CART")) {
      var event =
          gateway.post(
              "/api/events", "{\"type\":\"" + type + "\",\"productId\":\"P00042\"}", token);
      assertThat(event.statusCode()).as(event.body()).isEqualTo(202);
    }
    var rejected =
        gateway.post(
            "/api/events",
            "{\"type\":\"PRODUCT_VIEWED\",\"productId\":\"P00042\",\"quantity\":-1}",
            token);
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(400);
    var cart = gateway.post("/api/cart/items", "{\"productId\":\"P00042\",\"quantity\":1}", token);
    assertThat(cart.statusCode()).as(cart.body()).isIn(200, 201);
    var order =
        gateway.post("/api/checkout", null, token, "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(order.statusCode()).as(order.body()).isEqualTo(201);
    String orderId = Gateway.json.readTree(order.body()).path("id").asText();
    assertThat(gateway.get("/api/orders/" + orderId, token).statusCode()).isEqualTo(200);
    var empty =
        gateway.post("/api/checkout", null, token, "Idempotency-Key", UUID.randomUUID().toString());
    assertThat(empty.statusCode()).as(empty.body()).isBetween(400, 499);
    for (String path :
        List.of(
            "/api/recommendations/trending?window=1h",
            "/api/recommendations/similar/P00042",
            "/api/recommendations/recently-viewed")) {
      assertThat(gateway.get(path, token).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(gateway.get("/api/recommendations/for-you", token).statusCode()).isEqualTo(200);
    recommendationFallback(token);
  }

  /** Pauses the stack's ClickHouse (SIGSTOP, at most a few seconds) while trending is asked for. */
  static void recommendationFallback(String token) throws Exception {
    long pid = Long.parseLong(Files.readString(stack.home.resolve("run/clickhouse.pid")).strip());
    signal("STOP", pid);
    try {
      // A key no cache holds, so the service must query ClickHouse and hit its query timeout.
      var trending =
          gateway.get("/api/recommendations/trending?window=24h&category=c-audio", token);
      assertThat(trending.statusCode()).as(trending.body()).isEqualTo(200);
      assertThat(trending.body()).contains("\"fallback\":true");
    } finally {
      signal("CONT", pid);
    }
  }

  private static void signal(String name, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(kill.exitValue()).as("kill -%s %d", name, pid).isZero();
  }
}
