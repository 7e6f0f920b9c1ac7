package com.shopverse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlMetricNamesTest {

  @Test
  void findsTheMetricOfAnAggregationAndSkipsLabelsDurationsAndFunctions() {
    assertThat(
            PromQlMetricNames.of(
                "histogram_quantile(0.99, sum by (application, le) "
                    + "(rate(http_server_requests_seconds_bucket{uri!~\"/actuator.*\",status=~\"5..\"}[5m])))"))
        .containsExactly("http_server_requests_seconds_bucket");
  }

  @Test
  void skipsTrailingGroupingOffsetsBoolAndNumbers() {
    assertThat(
            PromQlMetricNames.of(
                "sum(rate(a_total[1h:5m] offset 30m)) by (le) > bool 1e-3 * 14.4 + 0x1f - .5"))
        .containsExactly("a_total");
  }

  @Test
  void findsEverySideOfVectorMatchingAndSkipsItsLabelLists() {
    assertThat(
            PromQlMetricNames.of(
                "a / on (job) group_left (instance) b unless ignoring(le) c and on() d or e"))
        .containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void skipsStringLiteralsEvenWhenTheyLookLikeNamesOrHoldBraces() {
    assertThat(
            PromQlMetricNames.of(
                "label_replace(up{job=\"a}b\"}, \"journey\", \"browse\", 'routeId', `(catalog|x_y)`)"))
        .containsExactly("up");
  }

  @Test
  void skipsGrafanaVariablesAndMacros() {
    assertThat(
            PromQlMetricNames.of(
                "sum(increase(foo_total{application=~\"$application\"}[$__rate_interval])) "
                    + "/ ${factor} / $__range_s"))
        .containsExactly("foo_total");
  }

  @Test
  void keepsRecordingRuleNamesWithColons() {
    assertThat(
            PromQlMetricNames.of(
                "journey:errors:ratio_rate1h > (14.4 * 0.001)\nand\njourney:errors:ratio_rate5m > 0.0144"))
        .containsExactly("journey:errors:ratio_rate1h", "journey:errors:ratio_rate5m");
  }

  @Test
  void keywordsAreCaseInsensitiveButMetricNamesAreKeptAsWritten() {
    assertThat(PromQlMetricNames.of("SUM BY (x) (Foo_Bar) AND max(baz)"))
        .containsExactly("Foo_Bar", "baz");
  }

  @Test
  void findsNothingInAConstantExpression() {
    assertThat(PromQlMetricNames.of("vector(1) * scalar(time()) # a comment naming up")).isEmpty();
  }

  @Test
  void reportsAMetricNoTargetExposesWithWhereItIsUsed() {
    var queries =
        List.of(
            new ObservabilityAsCode.Query(
                "sum(rate(http_server_requests_seconds_count[5m]))", "overview.json: panel \"a\""),
            new ObservabilityAsCode.Query(
                "sum(rate(http_server_request_seconds_count[5m]))", "alerts.yml: alert Typo"),
            new ObservabilityAsCode.Query(
                "journey:undefined:ratio_rate5m > 1 and up == 0", "alerts.yml: alert NoRule"));
    Set<String> exposed =
        MetricCoverage.exposedNames(
            """
            # HELP http_server_requests_seconds Duration of HTTP server request handling
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_bucket{le="0.1",uri="/a b"} 1.0
            http_server_requests_seconds_count{uri="/a"} 3.0
            http_server_requests_seconds_sum 0.2
            """);

    Map<String, List<String>> missing = MetricCoverage.missing(queries, exposed, Set.of());

    assertThat(missing)
        .containsOnlyKeys("http_server_request_seconds_count", "journey:undefined:ratio_rate5m");
    assertThat(missing.get("http_server_request_seconds_count"))
        .containsExactly("alerts.yml: alert Typo");
    assertThat(MetricCoverage.describe(missing))
        .contains("journey:undefined:ratio_rate5m (recording rule not defined)");
  }

  @Test
  void aRecordedNameCountsAsDefinedOnlyWhenARuleRecordsIt() {
    var queries =
        List.of(new ObservabilityAsCode.Query("journey:x:ratio_rate5m", "overview.json: panel"));

    assertThat(MetricCoverage.missing(queries, Set.of(), Set.of("journey:x:ratio_rate5m")))
        .isEmpty();
    assertThat(MetricCoverage.missing(queries, Set.of("journey:x:ratio_rate5m"), Set.of()))
        .containsOnlyKeys("journey:x:ratio_rate5m");
  }

  @Test
  void aPlainNameRecordedByARuleCountsAsDefinedWithoutATargetExposingIt() {
    var queries =
        List.of(new ObservabilityAsCode.Query("rate(shopverse_x_total[5m])", "alerts.yml: alert"));

    assertThat(MetricCoverage.missing(queries, Set.of(), Set.of("shopverse_x_total"))).isEmpty();
    assertThat(MetricCoverage.missing(queries, Set.of(), Set.of()))
        .containsOnlyKeys("shopverse_x_total");
  }
}
