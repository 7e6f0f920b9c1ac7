package com.shopverse.loadgen.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TruthTest {

  @TempDir Path dir;

  @Test
  void writesOneLineWithTheContractsFieldsPerEndedScenario() throws Exception {
    Path file = dir.resolve("truth.jsonl");
    try (Truth truth = new Truth(file)) {
      truth.write(
          new Truth.Line(
              "bot-views",
              Instant.parse("2026-12-01T16:14:00Z"),
              Instant.parse("2026-12-01T16:15:00.250Z"),
              List.of("product.views", "shopper.events"),
              "P00042",
              "anonymous shopper a-bot-42 viewed \"P00042\" 40/s"));
      // Flushed as it goes: a reader sees the line before the run ends.
      assertThat(Files.readAllLines(file)).hasSize(1);
      truth.write(
          new Truth.Line(
              "slow-dependency",
              Instant.parse("2026-12-01T16:19:00Z"),
              Instant.parse("2026-12-01T16:19:30Z"),
              List.of(),
              "clickhouse",
              "x"));
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines.get(0))
        .isEqualTo(
            "{\"scenario\":\"bot-views\",\"startedAt\":\"2026-12-01T16:14:00.000Z\","
                + "\"endedAt\":\"2026-12-01T16:15:00.250Z\",\"series\":[\"product.views\",\"shopper.events\"],"
                + "\"key\":\"P00042\",\"detail\":\"anonymous shopper a-bot-42 viewed \\\"P00042\\\" 40/s\"}");
    assertThat(lines.get(1)).contains("\"series\":[]", "\"key\":\"clickhouse\"");
    assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\"keys\""));
  }

  @Test
  void namesTheKeysOfASeriesWhenTheScenarioHasThem() throws Exception {
    Path file = dir.resolve("keys.jsonl");
    try (Truth truth = new Truth(file)) {
      truth.write(
          new Truth.Line(
              "flash-sale",
              Instant.parse("2026-12-01T16:11:00Z"),
              Instant.parse("2026-12-01T16:12:30Z"),
              List.of("events.PRODUCT_VIEWED", "product.views"),
              "*",
              "x5",
              java.util.Map.of("product.views", List.of("P00031", "P00032"))));
    }
    assertThat(Files.readAllLines(file).get(0))
        .endsWith(",\"detail\":\"x5\",\"keys\":{\"product.views\":[\"P00031\",\"P00032\"]}}");
  }

  @Test
  void eachScenarioNamesTheSeriesItShouldMove() {
    for (Scenario s : Scenarios.defaults(java.time.Duration.ofMinutes(5))) {
      switch (s.kind()) {
        case Scenario.BOT_VIEWS ->
            assertThat(s.series()).containsExactly("product.views", "shopper.events");
        case Scenario.FLASH_SALE ->
            assertThat(s.series()).contains("orders", "events.PRODUCT_VIEWED", "product.views");
        case Scenario.PASSWORD_BOT ->
            assertThat(s.series()).containsExactly("login.failures", "login.failures.all");
        default -> assertThat(s.series()).isEmpty();
      }
    }
  }
}
