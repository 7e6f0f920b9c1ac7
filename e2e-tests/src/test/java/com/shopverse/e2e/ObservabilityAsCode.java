package com.shopverse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The observability files in deploy/: Prometheus rule files and Grafana dashboards, read as data so
 * tests can check every query in them.
 */
final class ObservabilityAsCode {

  static final Path PROMETHEUS = Stack.ROOT.resolve("deploy/prometheus");
  static final Path DASHBOARDS = Stack.ROOT.resolve("deploy/grafana/dashboards");
  static final Path DATASOURCES = Stack.ROOT.resolve("deploy/grafana/provisioning/datasources");

  /** One query and where it is used ("alerts.yml: alert ShopverseServiceDown"). */
  record Query(String text, String where) {}

  /** One alerting or recording rule of a rule file. */
  record Rule(
      String file,
      String alert,
      String record,
      String expr,
      Map<String, Object> labels,
      Map<String, Object> annotations) {

    String where() {
      return file + ": " + (alert != null ? "alert " + alert : "record " + record);
    }
  }

  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(\\s*(.*?)\\s*,\\s*[A-Za-z_]\\w*\\s*\\)", Pattern.DOTALL);

  private ObservabilityAsCode() {}

  static List<Path> ruleFiles() {
    return list(PROMETHEUS.resolve("rules"), ".yml");
  }

  static List<Path> ruleTestFiles() {
    return list(PROMETHEUS.resolve("tests"), ".yml");
  }

  static List<Path> dashboards() {
    return list(DASHBOARDS, ".json");
  }

  @SuppressWarnings("unchecked")
  static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    for (Path file : ruleFiles()) {
      Map<String, Object> doc = yaml(file);
      for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
        for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
          rules.add(
              new Rule(
                  file.getFileName().toString(),
                  (String) rule.get("alert"),
                  (String) rule.get("record"),
                  (String) rule.get("expr"),
                  (Map<String, Object>) rule.getOrDefault("labels", Map.of()),
                  (Map<String, Object>) rule.getOrDefault("annotations", Map.of())));
        }
      }
    }
    return rules;
  }

  /** Every PromQL expression: rule expressions, dashboard targets, template-variable queries. */
  static List<Query> promQl() {
    List<Query> queries = new ArrayList<>();
    for (Rule rule : rules()) {
      queries.add(new Query(rule.expr(), rule.where()));
    }
    for (Path file : dashboards()) {
      JsonNode dashboard = json(file);
      String name = file.getFileName().toString();
      for (JsonNode panel : panels(dashboard)) {
        for (JsonNode target : panel.path("targets")) {
          if (target.has("expr")) {
            queries.add(
                new Query(
                    target.get("expr").asText(),
                    name + ": panel \"" + panel.path("title").asText() + "\""));
          }
        }
      }
      for (JsonNode variable : dashboard.path("templating").path("list")) {
        Matcher m = LABEL_VALUES.matcher(variable.path("query").asText());
        if (m.matches()) {
          queries.add(
              new Query(m.group(1), name + ": variable $" + variable.path("name").asText()));
        }
      }
    }
    return queries;
  }

  /** Every ClickHouse SQL of the dashboards (targets with rawSql). */
  static List<Query> clickHouseSql() {
    List<Query> queries = new ArrayList<>();
    for (Path file : dashboards()) {
      for (JsonNode panel : panels(json(file))) {
        for (JsonNode target : panel.path("targets")) {
          if (target.has("rawSql")) {
            queries.add(
                new Query(
                    target.get("rawSql").asText(),
                    file.getFileName() + ": panel \"" + panel.path("title").asText() + "\""));
          }
        }
      }
    }
    return queries;
  }

  /** Top-level panels and the panels of collapsed rows. */
  static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> panels = new ArrayList<>();
    for (JsonNode panel : dashboard.path("panels")) {
      panels.add(panel);
      panel.path("panels").forEach(panels::add);
    }
    return panels;
  }

  static JsonNode json(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> yaml(Path file) {
    try (var reader = Files.newBufferedReader(file)) {
      return new Yaml().load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
