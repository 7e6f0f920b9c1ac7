package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana dashboards and their provisioning, as files: each panel reads a provisioned
 * datasource and has a query, the ClickHouse SQL reads only tables the migrations create. Whether
 * the queries' metrics exist and the SQL runs is DashboardMetricsIT's job, against the real stack.
 */
class DashboardsTest {

  static final Path MIGRATIONS =
      Stack.ROOT.resolve("clickhouse-http/src/main/resources/com/shopverse/clickhouse/migrations");

  @Test
  void theOverviewPipelineBusinessAndJvmDashboardsExistWithUniqueIds() {
    Map<String, String> uids = new HashMap<>();
    for (Path file : ObservabilityAsCode.dashboards()) {
      JsonNode dashboard = ObservabilityAsCode.json(file);
      String uid = dashboard.path("uid").asText();
      assertThat(uid).as(file + " uid").isNotBlank();
      assertThat(uids.put(uid, file.toString())).as("uid " + uid + " twice").isNull();
      assertThat(dashboard.path("title").asText()).as(file + " title").isNotBlank();
    }
    assertThat(uids)
        .containsKeys(
            "shopverse-overview", "shopverse-pipeline", "shopverse-business", "shopverse-jvm");
  }

  @Test
  void everyPanelQueriesAProvisionedDatasourceInItsLanguage() {
    Map<String, String> typesByUid = provisionedDatasources();
    assertThat(typesByUid)
        .containsEntry("prometheus", "prometheus")
        .containsEntry("clickhouse", "grafana-clickhouse-datasource");
    for (Path file : ObservabilityAsCode.dashboards()) {
      for (JsonNode panel : ObservabilityAsCode.panels(ObservabilityAsCode.json(file))) {
        if (panel.path("type").asText().equals("row")) {
          continue;
        }
        String where = file.getFileName() + ": panel \"" + panel.path("title").asText() + "\"";
        assertThat(panel.path("targets").size()).as(where + " targets").isPositive();
        String uid = panel.path("datasource").path("uid").asText();
        assertThat(typesByUid).as(where + " datasource").containsKey(uid);
        assertThat(panel.path("datasource").path("type").asText())
            .as(where)
            .isEqualTo(typesByUid.get(uid));
        String field = uid.equals("prometheus") ? "expr" : "rawSql";
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path(field).asText()).as(where + " " + field).isNotBlank();
        }
      }
    }
  }

  @Test
  void businessSqlReadsOnlyTablesTheClickHouseMigrationsCreate() throws IOException {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
        Matcher m =
            Pattern.compile("CREATE TABLE IF NOT EXISTS (\\w+)").matcher(Files.readString(file));
        while (m.find()) {
          tables.add(m.group(1));
        }
      }
    }
    assertThat(tables).contains("interactions", "product_minute_stats");
    List<ObservabilityAsCode.Query> sql = ObservabilityAsCode.clickHouseSql();
    assertThat(sql).hasSizeGreaterThanOrEqualTo(5);
    Pattern from = Pattern.compile("\\bFROM\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    for (ObservabilityAsCode.Query query : sql) {
      Matcher m = from.matcher(query.text());
      assertThat(m.find()).as(query.where()).isTrue();
      do {
        assertThat(tables).as(query.where()).contains(m.group(1));
      } while (m.find());
    }
  }

  /**
   * promtool checks rule files, not dashboards: every dashboard expression (Grafana's variables
   * replaced by values) is wrapped in a recording rule so promtool parses it.
   */
  @Test
  void everyDashboardExpressionIsValidPromQl(@TempDir Path tmp) throws IOException {
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    int n = 0;
    for (ObservabilityAsCode.Query query : ObservabilityAsCode.promQl()) {
      if (query.where().contains(".yml: ")) {
        continue; // rule files are checked by AlertRulesTest
      }
      String expr =
          query
              .text()
              .replace("$__rate_interval", "1m")
              .replace("$__range", "1h")
              .replace("$application", ".*");
      rules
          .append("      - record: dashboard_expression_")
          .append(n++)
          .append("\n        expr: ")
          .append(new ObjectMapper().writeValueAsString(expr))
          .append("\n");
    }
    assertThat(n).isGreaterThan(40);
    Path file = tmp.resolve("dashboards.yml");
    Files.writeString(file, rules);

    AlertRulesTest.Run run = AlertRulesTest.promtool("check", "rules", file.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> provisionedDatasources() {
    Map<String, String> typesByUid = new HashMap<>();
    try (Stream<Path> files = Files.list(ObservabilityAsCode.DATASOURCES)) {
      for (Path file : files.toList()) {
        for (Map<String, Object> ds :
            (List<Map<String, Object>>) ObservabilityAsCode.yaml(file).get("datasources")) {
          typesByUid.put((String) ds.get("uid"), (String) ds.get("type"));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return typesByUid;
  }
}
