package com.shopverse.loadgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  private static final long MS = 1_000_000;
  private static final Environment MACHINE =
      new Environment(
          Instant.parse("2026-11-25T12:00:00Z"),
          2,
          24L << 30,
          Optional.of("AMD EPYC"),
          "Linux 6.1 (amd64)",
          "17.0.15+6 (OpenJDK 64-Bit Server VM, Debian)");

  @TempDir Path dir;

  private final Options options =
      Options.parse(
          "--rate",
          "100",
          "--duration",
          "1s",
          "--url",
          "http://127.0.0.1:8084/api/events",
          "--header",
          "Authorization: Bearer it's",
          "--label",
          "ingest single");

  @Test
  void writesAMarkdownBlockWithTheMachineTheCommandAndTheFigures() {
    String markdown = report(0).markdown();

    assertThat(markdown)
        .startsWith("### ingest single\n")
        .contains("- Date: 2026-11-25 12:00:00 UTC\n")
        .contains("- Machine: 2 processors (AMD EPYC), 24.0 GiB total memory, Linux 6.1 (amd64)\n")
        .contains("- Java: 17.0.15+6 (OpenJDK 64-Bit Server VM, Debian)\n")
        .contains(
            "- Arguments: `--rate 100 --duration 1s --url http://127.0.0.1:8084/api/events"
                + " --header 'Authorization: Bearer it'\\''s' --label 'ingest single'`\n")
        .contains("- Targets: http://127.0.0.1:8084/api/events\n")
        .contains("| 100 | 100 | 100 | 99 | 1 (1.00 %) | 1.5 | 1.5 | 250 | 250 | 250 |\n")
        .contains("- Errors: status 503 × 1\n")
        .contains("- Error rate 1.00 % within maximum 1.00 %: pass\n");
  }

  @Test
  void namesAFewTargetsAndCountsTheRestWhenThereAreMany() {
    List<URI> urls =
        java.util.stream.IntStream.range(0, 3000)
            .mapToObj(i -> URI.create("http://127.0.0.1:8085/r?n=" + i))
            .toList();
    Report report = report(0);

    String markdown =
        new Report(report.result(), report.options(), report.environment(), urls).markdown();

    assertThat(markdown)
        .contains(
            "- Targets: http://127.0.0.1:8085/r?n=0, http://127.0.0.1:8085/r?n=1,"
                + " http://127.0.0.1:8085/r?n=2 … (3000 URLs)\n")
        .doesNotContain("n=3,");
  }

  @Test
  void failsAboveTheMaximumErrorRate() {
    Report report = report(1);

    assertThat(report.passed()).isFalse();
    assertThat(report.text()).contains("Error rate 2.00 % above maximum 1.00 %: FAIL");
  }

  @Test
  void appendsJsonLinesToAJsonFileAndMarkdownToAnyOther() throws IOException {
    Path json = dir.resolve("runs.json");
    Path markdown = dir.resolve("results/bench.md");

    report(0).appendTo(json);
    report(1).appendTo(json);
    report(0).appendTo(markdown);

    List<String> lines = Files.readAllLines(json);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "{\"label\":\"ingest single\",\"date\":\"2026-11-25T12:00:00Z\",\"processors\":2,")
        .contains("\"args\":[\"--rate\",\"100\",")
        .contains("\"errorsByStatus\":{\"503\":1}")
        .contains("\"latencyMs\":{\"p50\":1.5,\"p90\":1.5,\"p99\":250,\"p99.9\":250,\"max\":250}")
        .endsWith("\"passed\":true}");
    assertThat(lines.get(1))
        .contains("\"errorsByStatus\":{\"503\":2}")
        .endsWith("\"passed\":false}");
    assertThat(Files.readString(markdown)).startsWith("### ingest single");
  }

  @Test
  void quotesJsonStrings() {
    assertThat(Report.quote("a \"b\"\\\n\u0001")).isEqualTo("\"a \\\"b\\\"\\\\\\n\\u0001\"");
  }

  @Test
  void roundsMillisecondsToThreeSignificantDigits() {
    assertThat(Report.millis(143_456)).isEqualTo("0.143");
    assertThat(Report.millis(20_449_000)).isEqualTo("20.4");
    assertThat(Report.millis(503_200_000)).isEqualTo("503");
    assertThat(Report.millis(1_234_000_000)).isEqualTo("1230");
  }

  /** 100 requests: answered in 1.5 ms but the last two in 250 ms; {@code extra503} + 1 are 503. */
  private Report report(int extra503) {
    Schedule schedule = Schedule.startingAt(0, 100, Duration.ZERO, Duration.ofSeconds(1));
    Stats stats = new Stats(schedule, Set.of());
    for (int request = 0; request < 100; request++) {
      long due = schedule.intendedStart(request);
      int status = request < 1 + extra503 ? 503 : 200;
      long took = request >= 98 ? 250 * MS : 3 * MS / 2;
      stats.response(request, due, due + took, status);
    }
    return new Report(
        stats.result(Duration.ofSeconds(1)),
        options,
        MACHINE,
        List.of(URI.create("http://127.0.0.1:8084/api/events")));
  }
}
