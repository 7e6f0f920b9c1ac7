package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus configuration and alert rules in deploy/prometheus, checked by Debian's real
 * promtool ({@code check config}, {@code check rules}, {@code test rules}), plus what promtool does
 * not check: every alert has a severity, a summary, a description and a runbook that exists in the
 * README, and is unit-tested both firing and not firing.
 */
class AlertRulesTest {

  static final Path PROMTOOL = Path.of("/usr/bin/promtool");
  static final Path DIR = ObservabilityAsCode.PROMETHEUS;

  record Run(int exitCode, String output) {}

  @Test
  void prometheusConfigurationsAreValid() {
    for (String config : List.of("prometheus.yml", "local.yml")) {
      Run run = promtool("check", "config", DIR.resolve(config).toString());
      assertThat(run.exitCode()).as(run.output()).isZero();
    }
  }

  @Test
  void ruleFilesAreValid() {
    List<String> args = new ArrayList<>(List.of("check", "rules"));
    ObservabilityAsCode.ruleFiles().forEach(f -> args.add(f.toString()));
    Run run = promtool(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @Test
  void alertsFireAndStaySilentAsTheirUnitTestsSay() {
    List<String> args = new ArrayList<>(List.of("test", "rules"));
    ObservabilityAsCode.ruleTestFiles().forEach(f -> args.add(f.toString()));
    Run run = promtool(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output()).doesNotContain("FAILED");
  }

  /**
   * The harness itself: a unit test expecting an alert that cannot fire must make promtool fail.
   */
  @Test
  void promtoolFailsATestThatExpectsAnAlertWhichDoesNotFire(@TempDir Path tmp) throws IOException {
    Path test = tmp.resolve("wrong_test.yml");
    Files.writeString(
        test,
        """
        rule_files: [%s]
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: 'up{job="shopverse-services",instance="order-service:8083"}'
                values: '1x10'
            alert_rule_test:
              - eval_time: 5m
                alertname: ShopverseServiceDown
                exp_alerts:
                  - exp_labels: {severity: critical, job: shopverse-services, instance: "order-service:8083"}
        """
            .formatted(DIR.resolve("rules/alerts.yml")));

    Run run = promtool("test", "rules", test.toString());

    assertThat(run.exitCode()).as(run.output()).isNotZero();
    assertThat(run.output()).contains("FAILED");
  }

  @Test
  void everyAlertHasASeveritySummaryDescriptionAndARunbookInTheReadme() throws IOException {
    Set<String> anchors = readmeAnchors();
    List<ObservabilityAsCode.Rule> alerts = alerts();
    assertThat(alerts).hasSizeGreaterThanOrEqualTo(15);
    for (ObservabilityAsCode.Rule alert : alerts) {
      assertThat(alert.labels().get("severity"))
          .as(alert.where() + " severity")
          .isIn("critical", "warning");
      for (String annotation : List.of("summary", "description", "runbook_url")) {
        assertThat((String) alert.annotations().get(annotation))
            .as(alert.where() + " " + annotation)
            .isNotBlank();
      }
      String runbook = (String) alert.annotations().get("runbook_url");
      assertThat(runbook).as(alert.where()).startsWith("README.md#");
      assertThat(anchors)
          .as(alert.where() + ": runbook " + runbook + " is a heading of README.md")
          .contains(runbook.substring("README.md#".length()));
    }
  }

  @Test
  void everyAlertIsUnitTestedFiringAndNotFiring() {
    Set<String> firing = new TreeSet<>();
    Set<String> silent = new TreeSet<>();
    for (Path file : ObservabilityAsCode.ruleTestFiles()) {
      for (Map<String, Object> test : list(ObservabilityAsCode.yaml(file).get("tests"))) {
        for (Map<String, Object> check : list(test.get("alert_rule_test"))) {
          String name = (String) check.get("alertname");
          (list(check.get("exp_alerts")).isEmpty() ? silent : firing).add(name);
        }
      }
    }
    Set<String> names =
        alerts().stream()
            .map(ObservabilityAsCode.Rule::alert)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(firing).as("alerts shown firing").containsAll(names);
    assertThat(silent).as("alerts shown not firing").containsAll(names);
  }

  @Test
  void everyJourneyHasBothSloRatiosOverEveryBurnRateWindow() {
    List<ObservabilityAsCode.Rule> recorded =
        ObservabilityAsCode.rules().stream().filter(r -> r.record() != null).toList();
    for (String kind : List.of("errors", "slow")) {
      for (String window : List.of("5m", "30m", "1h", "6h")) {
        String name = "journey:shopverse_gateway_request_" + kind + ":ratio_rate" + window;
        assertThat(
                recorded.stream()
                    .filter(r -> r.record().equals(name))
                    .map(r -> r.labels().get("journey")))
            .as(name)
            .containsExactlyInAnyOrder("browse", "cart", "checkout");
        assertThat(recorded.stream().filter(r -> r.record().equals(name)))
            .allSatisfy(r -> assertThat(r.expr()).contains("[" + window + "]"));
      }
    }
  }

  static List<ObservabilityAsCode.Rule> alerts() {
    return ObservabilityAsCode.rules().stream().filter(r -> r.alert() != null).toList();
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
  static Set<String> readmeAnchors() throws IOException {
    Set<String> anchors = new TreeSet<>();
    Matcher m =
        Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$")
            .matcher(Files.readString(Stack.ROOT.resolve("README.md")));
    while (m.find()) {
      anchors.add(
          m.group(1)
              .toLowerCase()
              .replace("`", "")
              .replaceAll("[^a-z0-9 _-]", "")
              .replace(' ', '-'));
    }
    return anchors;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  static Run promtool(String... args) {
    assertThat(Files.isExecutable(PROMTOOL))
        .as(
            PROMTOOL
                + " is missing: the alert rules cannot be checked. Install Debian's prometheus"
                + " package (apt-get install prometheus, or run ./shopverse install as root).")
        .isTrue();
    try {
      List<String> command = new ArrayList<>(List.of(PROMTOOL.toString()));
      command.addAll(List.of(args));
      Process process =
          new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("promtool " + String.join(" ", args) + " hung");
      }
      return new Run(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
